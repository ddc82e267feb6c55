import { describe, it, expect } from 'vitest';
import { createRng } from '../shared/random';
import { MNIST_SPLIT } from './mnist-sample';
import { allocateStratified, indicesByClass, stratifiedSplit, type Split } from './split';

/** The bundled sample's class counts, labels in class order as the asset stores them. */
const MNIST_COUNTS = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];

function makeLabels(counts: readonly number[]): Uint8Array {
  return Uint8Array.from(counts.flatMap((count, label) => new Array<number>(count).fill(label)));
}

function countByClass(indices: Uint32Array, labels: ArrayLike<number>, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const i of indices) counts[labels[i]!]!++;
  return counts;
}

function expectPartition(split: Split, total: number): void {
  const all = [...split.train, ...split.validation, ...split.test].sort((a, b) => a - b);
  expect(all).toEqual(Array.from({ length: total }, (_, i) => i));
}

function expectSortedAscending(indices: Uint32Array): void {
  for (let i = 1; i < indices.length; i++) expect(indices[i]!).toBeGreaterThan(indices[i - 1]!);
}

describe('stratifiedSplit on the MNIST sample', () => {
  const labels = makeLabels(MNIST_COUNTS);
  const split = stratifiedSplit(labels, MNIST_SPLIT, MNIST_SPLIT.seed);

  it('gives exactly 8000 / 1000 / 1000', () => {
    expect(split.train.length).toBe(8000);
    expect(split.validation.length).toBe(1000);
    expect(split.test.length).toBe(1000);
  });

  it('keeps each class within 1 of its proportional share', () => {
    for (const part of ['validation', 'test'] as const) {
      const counts = countByClass(split[part], labels, 10);
      counts.forEach((count, c) => {
        expect(Math.abs(count - (1000 * MNIST_COUNTS[c]!) / 10_000)).toBeLessThan(1);
      });
    }
  });

  it('is disjoint, covers every example and lists indices in ascending order', () => {
    expectPartition(split, 10_000);
    expectSortedAscending(split.train);
    expectSortedAscending(split.validation);
    expectSortedAscending(split.test);
  });

  it('repeats for the same seed and changes with another', () => {
    expect(stratifiedSplit(labels, MNIST_SPLIT, MNIST_SPLIT.seed)).toEqual(split);
    const other = stratifiedSplit(labels, MNIST_SPLIT, MNIST_SPLIT.seed + 1);
    expect(other.validation).not.toEqual(split.validation);
    expect(other.test).not.toEqual(split.test);
  });

  it('does not depend on the order the examples come in', () => {
    // Interleaved labels: the per-class counts must be the same as for sorted labels.
    const interleaved = Uint8Array.from(labels).sort(
      (a, b) => ((a * 7919) % 10) - ((b * 7919) % 10),
    );
    const other = stratifiedSplit(interleaved, MNIST_SPLIT, 1);
    expect(countByClass(other.test, interleaved, 10)).toEqual(countByClass(split.test, labels, 10));
  });
});

describe('stratifiedSplit edge cases', () => {
  it('handles empty holdouts, the whole data as holdout, and no data at all', () => {
    const labels = makeLabels([3, 2]);
    expect(stratifiedSplit(labels, { validation: 0, test: 0 }, 1).train.length).toBe(5);
    const all = stratifiedSplit(labels, { validation: 2, test: 3 }, 1);
    expect(all.train.length).toBe(0);
    expectPartition(all, 5);
    expect(stratifiedSplit([], { validation: 0, test: 0 }, 1).train.length).toBe(0);
  });

  it('accepts sparse, unordered label values', () => {
    const split = stratifiedSplit([7, 3, 7, 3, 7, 3, 42, 42], { validation: 2, test: 2 }, 5);
    expectPartition(split, 8);
    expect(split.validation.length).toBe(2);
    expect(split.test.length).toBe(2);
  });

  it('stays exact and within 1 per class on many random small datasets', () => {
    const rng = createRng(2026);
    const int = (n: number) => Math.floor(rng() * n);
    for (let trial = 0; trial < 2000; trial++) {
      const counts = Array.from({ length: 1 + int(10) }, () => 1 + int(rng() < 0.5 ? 4 : 40));
      const total = counts.reduce((a, b) => a + b, 0);
      const validation = int(total + 1);
      const test = int(total - validation + 1);
      const labels = makeLabels(counts);
      const split = stratifiedSplit(labels, { validation, test }, trial);
      expect(split.validation.length).toBe(validation);
      expect(split.test.length).toBe(test);
      expectPartition(split, total);
      for (const [part, size] of [
        ['validation', validation],
        ['test', test],
      ] as const) {
        countByClass(split[part], labels, counts.length).forEach((count, c) => {
          expect(Math.abs(count - (size * counts[c]!) / total)).toBeLessThan(1);
        });
      }
    }
  });

  it('rejects sizes that are negative, fractional or larger than the data', () => {
    const labels = makeLabels([5, 5]);
    expect(() => stratifiedSplit(labels, { validation: -1, test: 0 }, 1)).toThrow(
      'validation size must be a non-negative integer, got -1',
    );
    expect(() => stratifiedSplit(labels, { validation: 1, test: 2.5 }, 1)).toThrow(
      'test size must be a non-negative integer, got 2.5',
    );
    expect(() => stratifiedSplit(labels, { validation: 6, test: 5 }, 1)).toThrow(
      'validation (6) + test (5) exceeds the 10 examples',
    );
  });

  it('rejects labels that are not class indices', () => {
    expect(() => stratifiedSplit([0, 1, -1], { validation: 0, test: 0 }, 1)).toThrow(
      'label of example 2 must be a non-negative integer, got -1',
    );
    expect(() => stratifiedSplit([0, 0.5], { validation: 0, test: 0 }, 1)).toThrow(/example 1/);
  });
});

describe('allocateStratified', () => {
  it('uses largest remainders when nothing is tight', () => {
    // Exact validation shares 2.5, 1.25, 1.25: the largest remainder (class 0) rounds up.
    expect(allocateStratified([10, 5, 5], [5, 0, 15])).toEqual([
      [3, 1, 1],
      [0, 0, 0],
      [7, 4, 4],
    ]);
  });

  it('moves a rounding away from a class too small to hold it', () => {
    // Found by fuzzing: plain largest remainder rounds up the small classes' validation share
    // until they are full, and then cannot place all the test examples.
    const counts = [18, 4, 4, 18, 2, 19, 3, 5, 3];
    const [validation, test, train] = allocateStratified(counts, [70, 4, 2]) as [
      number[],
      number[],
      number[],
    ];
    expect(validation.reduce((a, b) => a + b)).toBe(70);
    expect(test.reduce((a, b) => a + b)).toBe(4);
    counts.forEach((count, c) => {
      expect(validation[c]! + test[c]! + train[c]!).toBe(count);
      expect(Math.abs(validation[c]! - (70 * count) / 76)).toBeLessThan(1);
      expect(Math.abs(test[c]! - (4 * count) / 76)).toBeLessThan(1);
    });
  });
});

describe('indicesByClass', () => {
  it('groups indices by label, classes ascending whatever comes first', () => {
    expect(indicesByClass([2, 0, 2, 5, 0])).toEqual([[1, 4], [0, 2], [3]]);
  });
});
