import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  batchSizeNote,
  checkSettings,
  effectiveBatchSize,
  stepsPerEpoch,
} from './train-settings';

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

  it('explains why a learning rate or an epoch count of 0 can never train', () => {
    const messageOf = (patch: Partial<typeof DEFAULT_SETTINGS>) =>
      checkSettings({ ...DEFAULT_SETTINGS, ...patch })[0]?.message;
    expect(messageOf({ learningRate: 0 })).toBe(
      'Learning rate must be above 0: at 0 no weight ever changes, so the network cannot learn.',
    );
    expect(messageOf({ epochs: 0 })).toBe(
      'Epochs must be at least 1: a run of 0 epochs never sees an example.',
    );
  });

  it('allows a huge learning rate: the run reports the divergence instead', () => {
    expect(fieldsWithProblems({ learningRate: 1e6 })).toEqual([]);
  });
});

describe('a batch size larger than an epoch', () => {
  const settings = (batchSize: number, examplesPerEpoch: number | null = null) => ({
    batchSize,
    examplesPerEpoch,
  });

  it('trains on every example of the epoch at once, and says so naming the split size', () => {
    expect(effectiveBatchSize(settings(64), 48)).toBe(48);
    expect(batchSizeNote(settings(64), 48)).toBe(
      'The training split has only 48 examples, fewer than the batch size: each epoch is one step on all 48, as if the batch size were 48.',
    );
  });

  it('counts an epoch’s steps with a smaller last batch, and one step when the batch is larger', () => {
    expect(stepsPerEpoch(settings(32, 640), 8000)).toBe(20);
    expect(stepsPerEpoch(settings(32), 650)).toBe(21);
    expect(stepsPerEpoch(settings(64), 48)).toBe(1);
  });

  it('names examples per epoch when that is what limits the epoch', () => {
    expect(effectiveBatchSize(settings(64, 20), 8000)).toBe(20);
    expect(batchSizeNote(settings(64, 20), 8000)).toMatch(/^Examples per epoch is 20, /);
  });

  it('has nothing to say about a batch that fits, or a batch size that is refused anyway', () => {
    expect(effectiveBatchSize(settings(64), 8000)).toBe(64);
    expect(batchSizeNote(settings(64), 8000)).toBeNull();
    expect(batchSizeNote(settings(48), 48)).toBeNull();
    expect(batchSizeNote(settings(2.5), 2)).toBeNull();
    expect(batchSizeNote(settings(64), 0)).toBeNull();
  });
});
