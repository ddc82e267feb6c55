import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossValidationFolds, foldSplit, meanAndSpread, stratifiedKFold } from './k-fold';

function makeLabels(counts: readonly number[]): Uint8Array {
  return Uint8Array.from(counts.flatMap((count, label) => new Array<number>(count).fill(label)));
}

function countByClass(indices: Int32Array, labels: ArrayLike<number>, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const i of indices) counts[labels[i]!]!++;
  return counts;
}

const ascending = (indices: Int32Array) => indices.every((v, i) => i === 0 || v > indices[i - 1]!);

describe('stratifiedKFold', () => {
  const counts = [23, 7, 41, 2];
  const labels = makeLabels(counts);
  const folds = stratifiedKFold(labels, 5, 42);

  it('is disjoint, covers every example and lists each fold in ascending order', () => {
    const all = folds.flatMap((fold) => [...fold]).sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: labels.length }, (_, i) => i));
    expect(folds.every(ascending)).toBe(true);
  });

  it('keeps each class within 1 example of its share in every fold', () => {
    for (const fold of folds) {
      countByClass(fold, labels, 4).forEach((count, c) => {
        expect(Math.abs(count - counts[c]! / 5)).toBeLessThan(1);
      });
    }
  });

  it('makes folds whose sizes differ by at most 1', () => {
    const sizes = folds.map((fold) => fold.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('partitions and stratifies any labelling', () => {
    const labelling = fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 10, maxLength: 200 });
    fc.assert(
      fc.property(labelling, fc.integer({ min: 2, max: 10 }), fc.nat(), (labels, k, seed) => {
        const folds = stratifiedKFold(labels, k, seed);
        const all = folds.flatMap((fold) => [...fold]).sort((a, b) => a - b);
        expect(all).toEqual(labels.map((_, i) => i));
        const total = countByClass(Int32Array.from(all), labels, 6);
        for (const fold of folds) {
          countByClass(fold, labels, 6).forEach((count, c) => {
            expect(Math.abs(count - total[c]! / k)).toBeLessThan(1);
          });
        }
      }),
    );
  });

  it('repeats for the same seed and changes with another', () => {
    expect(stratifiedKFold(labels, 5, 42)).toEqual(folds);
    expect(stratifiedKFold(labels, 5, 43)).not.toEqual(folds);
  });

  it('refuses fold counts it cannot honour, saying why', () => {
    expect(() => stratifiedKFold(labels, 1, 0)).toThrow('from 2 to 10, got 1');
    expect(() => stratifiedKFold(labels, 11, 0)).toThrow('from 2 to 10, got 11');
    expect(() => stratifiedKFold(labels, 2.5, 0)).toThrow('whole number');
    expect(() => stratifiedKFold(makeLabels([2, 1]), 4, 0)).toThrow(
      '4 folds need at least 4 examples, but there are 3.',
    );
    expect(() => stratifiedKFold([0, 1, -1], 2, 0)).toThrow('label of example 2');
  });
});

describe('foldSplit', () => {
  const folds = stratifiedKFold(makeLabels([10, 10]), 4, 7);

  it('holds out one fold and trains on the rest', () => {
    folds.forEach((fold, i) => {
      const { train, validation } = foldSplit(folds, i);
      expect(validation).toEqual(fold);
      expect(validation).not.toBe(fold);
      expect(train.length + validation.length).toBe(20);
      expect(ascending(train)).toBe(true);
      expect(train.some((index) => fold.includes(index))).toBe(false);
    });
  });

  it('refuses a fold that does not exist', () => {
    expect(() => foldSplit(folds, 4)).toThrow('There is no fold 4; folds are numbered 0 to 3.');
  });
});

describe('meanAndSpread', () => {
  it('uses the sample standard deviation', () => {
    const { mean, std } = meanAndSpread([0.9, 0.8, 0.85, 0.95]);
    expect(mean).toBeCloseTo(0.875, 12);
    expect(std).toBeCloseTo(Math.sqrt(0.0125 / 3), 12);
  });

  it('gives a single value no spread and refuses an empty list', () => {
    expect(meanAndSpread([0.7])).toEqual({ mean: 0.7, std: 0 });
    expect(() => meanAndSpread([])).toThrow();
  });
});

describe('crossValidationFolds', () => {
  // Examples 0–29: classes 0, 1, 2 in turn; the pool leaves out a "test split" of 0–5.
  const labels = Uint8Array.from({ length: 30 }, (_, i) => i % 3);
  const pool = Uint32Array.from({ length: 24 }, (_, i) => i + 6);

  it('validates on disjoint stratified folds that cover the pool, training on the rest', () => {
    const folds = crossValidationFolds(pool, labels, ['a', 'b', 'c'], 3, 1);
    const validated = folds.flatMap((fold) => [...fold.validation]).sort((a, b) => a - b);
    expect(validated).toEqual([...pool]);
    for (const { train, validation } of folds) {
      expect(validation.length).toBe(8);
      expect([...train, ...validation].sort((a, b) => a - b)).toEqual([...pool]);
      for (const count of countByClass(Int32Array.from(validation), labels, 3)) {
        expect([2, 3]).toContain(count);
      }
    }
  });

  it('refuses a class with fewer examples than folds, naming it', () => {
    const fewC = Uint8Array.from(labels, (label, i) => (label === 2 && i > 12 ? 0 : label));
    expect(() => crossValidationFolds(pool, fewC, ['a', 'b', 'c'], 3, 1)).toThrow(
      "3-fold cross-validation needs at least 3 examples of every class in the train and validation splits; 'c' has 2.",
    );
  });
});
