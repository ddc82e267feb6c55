import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ENSEMBLE_RULE } from '../../shared/ensemble';
import type { EnsembleMember } from './ensemble-files';
import { ensembleFiles, ensembleZip } from './ensemble-files';
import { makeExportedModel } from '../export/exported-model-fixture';

const makeModel = (weights: number[]) =>
  makeExportedModel({ weights: new Uint8Array(weights).buffer, classNames: ['cat', 'dog'] });

const member = (number: number, accuracy: number): EnsembleMember => ({
  folder: `run-${number}`,
  name: `Run ${number}`,
  model: makeModel([number, number]),
  metrics: { outcome: 'completed', validation: null, test: { loss: 0.5, accuracy } },
});

describe('the ensemble download', () => {
  const members = [member(1, 0.8), member(3, 0.75)];
  const files = ensembleFiles(members, new Date(0));
  const json = (name: string): unknown => JSON.parse(strFromU8(files[name]!));

  it('holds the rule, the shared labels and preprocessing, and each model in its folder', () => {
    expect(Object.keys(files).sort()).toEqual([
      'README.txt',
      'ensemble.json',
      'labels.json',
      'preprocessing.json',
      'run-1/model.json',
      'run-1/training.json',
      'run-1/weights.bin',
      'run-3/model.json',
      'run-3/training.json',
      'run-3/weights.bin',
    ]);
    expect(json('ensemble.json')).toMatchObject({
      format: 'layerwise-ensemble',
      version: 1,
      rule: ENSEMBLE_RULE,
      labels: ['cat', 'dog'],
      members: [
        { folder: 'run-1', name: 'Run 1', testAccuracy: 0.8 },
        { folder: 'run-3', name: 'Run 3', testAccuracy: 0.75 },
      ],
    });
    expect(json('labels.json')).toEqual(['cat', 'dog']);
    expect(json('preprocessing.json')).toEqual(members[0]!.model.preprocessing);
    expect([...files['run-3/weights.bin']!]).toEqual([3, 3]);
    expect(json('run-1/training.json')).toMatchObject({ format: 'layerwise-training-record' });
  });

  it('says in its README how to average the members', () => {
    const readme = strFromU8(files['README.txt']!);
    expect(readme).toContain('An ensemble of 2 models trained in Layerwise on tiny.');
    expect(readme).toContain(ENSEMBLE_RULE);
    expect(readme).toContain('- run-3/: Run 3, test accuracy 75.0%');
  });

  it('zips the same files', () => {
    expect(Object.keys(unzipSync(ensembleZip(members, new Date(0))))).toHaveLength(10);
  });

  it('refuses a lone member and members of other data', () => {
    expect(() => ensembleFiles([member(1, 0.8)])).toThrow('at least two members');
    const other = member(2, 0.7);
    other.model = { ...other.model, classNames: ['cat', 'cow'] };
    expect(() => ensembleFiles([member(1, 0.8), other])).toThrow(
      'Run 2 was trained on other data than Run 1.',
    );
  });
});
