import { describe, it, expect } from 'vitest';
import { DEFAULT_DATA_CONFIG, type DataConfig } from '../shared/dataset';
import { checkDataConfig, splitSizes } from './data-config';

function makeConfig(overrides: Partial<DataConfig> = {}): DataConfig {
  return { ...DEFAULT_DATA_CONFIG, ...overrides };
}

function makeLabels(counts: readonly number[]): Uint8Array {
  return Uint8Array.from(counts.flatMap((count, label) => new Array<number>(count).fill(label)));
}

describe('checkDataConfig', () => {
  it('accepts the defaults', () => {
    expect(checkDataConfig(DEFAULT_DATA_CONFIG)).toEqual([]);
  });

  it('accepts 0.4 + 0.4, the most the holdouts may take', () => {
    expect(checkDataConfig(makeConfig({ validation: 0.4, test: 0.4 }))).toEqual([]);
  });

  it('names each problem', () => {
    const problems = checkDataConfig({
      validation: 0.6,
      test: -0.1,
      seed: 1.5,
      normalisation: 'zscore' as DataConfig['normalisation'],
    });
    expect(problems).toHaveLength(4);
    expect(problems.join(' ')).toMatch(/validation.*test.*seed.*normalisation/is);
  });

  it('refuses holdouts that leave train less than 20 %', () => {
    expect(checkDataConfig(makeConfig({ validation: 0.5, test: 0.4 }))).toEqual([
      expect.stringMatching(/at most 80 %/),
    ]);
  });

  it('refuses a fraction that is not a number', () => {
    expect(checkDataConfig(makeConfig({ test: Number.NaN }))).toHaveLength(1);
  });
});

describe('splitSizes', () => {
  it('gives the bundled MNIST sample exactly 1,000 / 1,000', () => {
    const labels = makeLabels([1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]);
    expect(splitSizes(labels, makeConfig())).toEqual({ validation: 1000, test: 1000 });
  });

  it('rounds each fraction of the total', () => {
    const labels = makeLabels([50, 51]);
    expect(splitSizes(labels, makeConfig({ validation: 0.15, test: 0.25 }))).toEqual({
      validation: 15,
      test: 25,
    });
  });

  it('gives no holdout for a zero fraction', () => {
    expect(splitSizes(makeLabels([10, 10]), makeConfig({ validation: 0, test: 0 }))).toEqual({
      validation: 0,
      test: 0,
    });
  });

  it('keeps at least one example of each class in train, taking from test first', () => {
    // 3 examples in 2 classes: train keeps 2, so only one can be held out.
    expect(splitSizes(makeLabels([2, 1]), makeConfig())).toEqual({ validation: 1, test: 0 });
    expect(splitSizes(makeLabels([1, 1]), makeConfig())).toEqual({ validation: 0, test: 0 });
  });

  it('holds out one example for a small but non-zero fraction when there is room', () => {
    expect(splitSizes(makeLabels([3, 3]), makeConfig())).toEqual({ validation: 1, test: 1 });
  });

  it('gives nothing to hold out from an empty dataset', () => {
    expect(splitSizes(new Uint8Array(0), makeConfig())).toEqual({ validation: 0, test: 0 });
  });

  it('refuses invalid settings', () => {
    expect(() => splitSizes(makeLabels([5]), makeConfig({ validation: 0.9 }))).toThrow(
      /Validation/,
    );
  });
});
