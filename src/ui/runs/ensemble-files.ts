import { strToU8, zipSync } from 'fflate';
import { ENSEMBLE_RULE } from '../../shared/ensemble';
import type { ExportedModel } from '../../shared/exported-model';
import type { FinalMetrics } from '../export/export-files';
import { modelFiles, trainingRecord } from '../export/export-files';

/** One model of an ensemble download, with the folder it goes in and what the run was called. */
export interface EnsembleMember {
  /** "run-3": a folder name of the zip. */
  folder: string;
  /** "Run 3 (learning rate 0.01)". */
  name: string;
  model: ExportedModel;
  metrics: FinalMetrics;
}

const json = (value: unknown) => strToU8(`${JSON.stringify(value, null, 2)}\n`);

function readme(members: EnsembleMember[], dataset: string): string {
  const first = members[0]?.folder ?? 'run-1';
  const layers = [...new Set(members.flatMap((m) => m.model.customLayers))];
  return [
    `An ensemble of ${members.length} models trained in Layerwise on ${dataset}.`,
    '',
    'To classify an image:',
    '1. Prepare it as preprocessing.json says: fit it to inputShape, then',
    '   input = pixel (0-255) × scale + offset, per channel.',
    `2. Load every member: tf.loadLayersModel('${first}/model.json'), and so on for each folder`,
    '   below. Each predicts one probability per class, in the order of labels.json.',
    '3. Average the members\u2019 probabilities class by class and take the class with the',
    `   highest mean (ensemble.json says so as its rule: "${ENSEMBLE_RULE}").`,
    '',
    'Members:',
    ...members.map(({ folder, name, metrics }) => {
      const test = metrics.test
        ? `, test accuracy ${(metrics.test.accuracy * 100).toFixed(1)}%`
        : '';
      return `- ${folder}/: ${name}${test}`;
    }),
    ...(layers.length > 0
      ? ['', `Note: register the studio's ${layers.join(', ')} layer before loading in plain tfjs.`]
      : []),
    '',
  ].join('\n');
}

/**
 * Every file of an ensemble download: `ensemble.json` (the rule and the members), the shared
 * labels and preprocessing, and each member's model pair and training record in its folder.
 *
 * @throws Error for fewer than two members, or members trained on different data.
 */
export function ensembleFiles(
  members: EnsembleMember[],
  exportedAt = new Date(),
): Record<string, Uint8Array> {
  const [first] = members;
  if (!first || members.length < 2) throw new Error('An ensemble needs at least two members.');
  const same = (model: ExportedModel) =>
    JSON.stringify([model.classNames, model.preprocessing]) ===
    JSON.stringify([first.model.classNames, first.model.preprocessing]);
  const odd = members.find((member) => !same(member.model));
  if (odd) throw new Error(`${odd.name} was trained on other data than ${first.name}.`);
  const files: Record<string, Uint8Array> = {
    'ensemble.json': json({
      format: 'layerwise-ensemble',
      version: 1,
      exportedAt: exportedAt.toISOString(),
      rule: ENSEMBLE_RULE,
      labels: first.model.classNames,
      dataset: first.model.dataset,
      members: members.map(({ folder, name, metrics }) => ({
        folder,
        name,
        testAccuracy: metrics.test?.accuracy ?? null,
      })),
    }),
    'labels.json': json(first.model.classNames),
    'preprocessing.json': json(first.model.preprocessing),
    'README.txt': strToU8(readme(members, first.model.dataset.name)),
  };
  for (const { folder, model, metrics } of members) {
    for (const [name, bytes] of Object.entries(modelFiles(model))) {
      files[`${folder}/${name}`] = bytes;
    }
    files[`${folder}/training.json`] = json(trainingRecord(model, metrics, exportedAt));
  }
  return files;
}

/** The ensemble download as one zip. */
export function ensembleZip(members: EnsembleMember[], exportedAt?: Date): Uint8Array {
  return zipSync(ensembleFiles(members, exportedAt));
}
