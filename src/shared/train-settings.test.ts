import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, checkSettings } from './train-settings';

const fieldsWithProblems = (patch: Partial<typeof DEFAULT_SETTINGS>) =>
  checkSettings({ ...DEFAULT_SETTINGS, ...patch }).map((p) => p.field);

describe('training settings', () => {
  it('accepts the defaults', () => {
    expect(checkSettings(DEFAULT_SETTINGS)).toEqual([]);
  });

  it('names each unusable value', () => {
    expect(fieldsWithProblems({ learningRate: 0 })).toEqual(['learningRate']);
    expect(fieldsWithProblems({ learningRate: Number.NaN })).toEqual(['learningRate']);
    expect(fieldsWithProblems({ momentum: 1 })).toEqual(['momentum']);
    expect(fieldsWithProblems({ batchSize: 2.5 })).toEqual(['batchSize']);
    expect(fieldsWithProblems({ epochs: 0 })).toEqual(['epochs']);
    expect(fieldsWithProblems({ seed: -1 })).toEqual(['seed']);
    expect(fieldsWithProblems({ examplesPerEpoch: 0 })).toEqual(['examplesPerEpoch']);
  });

  it('takes cross-validation off, or with 3 to 10 folds', () => {
    for (const k of [null, 3, 10]) expect(fieldsWithProblems({ crossValidation: k })).toEqual([]);
    for (const k of [2, 11, 4.5, Number.NaN]) {
      expect(fieldsWithProblems({ crossValidation: k })).toEqual(['crossValidation']);
    }
  });

  it('allows a huge learning rate: the run reports the divergence instead', () => {
    expect(fieldsWithProblems({ learningRate: 1e6 })).toEqual([]);
  });
});
