import type * as tf from '@tensorflow/tfjs';
import type { EnsembleResult } from '../../shared/ensemble';
import { scoreEnsemble } from '../../shared/ensemble';
import type { ExportedModel } from '../../shared/exported-model';
import type { LoadedDataset } from '../data/dataset-store';
import type { DeviceData } from '../device-data';
import { evaluateWithProbabilities } from '../evaluate';
import { exportModel } from '../export/export-model';
import type { KeptRun, Member } from './kept-runs';

/** What an ensemble job needs from the engine: its members, the data, and a way to build one. */
export interface EnsembleContext {
  members: Member[];
  dataset: LoadedDataset;
  device: DeviceData;
  /** A new model of the kept run's network with its trained weights; the caller disposes it. */
  build: (kept: KeptRun) => Promise<tf.LayersModel>;
}

/** Builds one member, lends it to `use`, and disposes it whatever happens. */
async function withMember<T>(
  ctx: EnsembleContext,
  kept: KeptRun,
  use: (model: tf.LayersModel) => Promise<T>,
): Promise<T> {
  const model = await ctx.build(kept);
  try {
    return await use(model);
  } finally {
    model.dispose();
  }
}

/**
 * Scores the averaged-probability ensemble of the members on the test split, beside each
 * member. Members are built one at a time, so only one is ever on the device.
 */
export async function evaluateEnsemble(ctx: EnsembleContext): Promise<EnsembleResult> {
  const test = ctx.device.test;
  if (test.count === 0) {
    throw new Error('The test split is empty: give it some examples in the Data panel first.');
  }
  const classes = ctx.dataset.summary.classNames.length;
  const probabilities: Float32Array[] = [];
  for (const { kept } of ctx.members) {
    const predicted = await withMember(ctx, kept, (model) =>
      evaluateWithProbabilities(model, test, classes),
    );
    probabilities.push(predicted.probabilities);
  }
  const { host, split } = ctx.dataset;
  const labels = Int32Array.from(split.test, (i) => host.labels[i] ?? 0);
  const runIds = ctx.members.map((member) => member.runId);
  return scoreEnsemble(runIds, probabilities, labels, classes);
}

/** Each member as a download, exactly as the Export panel gives one trained model. */
export async function exportEnsemble(ctx: EnsembleContext): Promise<ExportedModel[]> {
  const exported: ExportedModel[] = [];
  for (const { kept } of ctx.members) {
    const trainedWith = { spec: kept.spec, settings: kept.settings };
    exported.push(
      await withMember(ctx, kept, (model) =>
        exportModel({ model, trainedWith, dataset: ctx.dataset, device: ctx.device }),
      ),
    );
  }
  return exported;
}
