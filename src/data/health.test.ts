import { describe, it, expect } from 'vitest';
import type { HealthIssue } from '../shared/dataset';
import { checkHealth, type HealthInput } from './health';
import { generateShapes } from './shapes';
import { stratifiedSplit, type Split } from './split';

const SHAPE: [number, number, number] = [16, 16, 3];
const SIZE = 16 * 16 * 3;

/** Random-noise images: no two alike, so any duplicate is one a test put there. */
function makePixels(count: number, seed: number, size = SIZE): Uint8Array {
  const pixels = new Uint8Array(count * size);
  const words = new Uint32Array(pixels.buffer, 0, Math.floor(pixels.length / 4));
  let state = seed >>> 0 || 1;
  for (let i = 0; i < words.length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    words[i] = state;
  }
  return pixels;
}

function makeLabels(counts: readonly number[]): Uint8Array {
  return Uint8Array.from(counts.flatMap((count, label) => new Array<number>(count).fill(label)));
}

/** Explicit splits; unlisted examples belong to train. */
function makeSplit(total: number, validation: number[] = [], test: number[] = []): Split {
  const held = new Set([...validation, ...test]);
  return {
    train: Uint32Array.from({ length: total }, (_, i) => i).filter((i) => !held.has(i)),
    validation: Uint32Array.from(validation),
    test: Uint32Array.from(test),
  };
}

function makeInput(counts: readonly number[], overrides: Partial<HealthInput> = {}): HealthInput {
  const labels = makeLabels(counts);
  return {
    shape: SHAPE,
    classNames: counts.map((_, c) => `class ${c}`),
    labels,
    pixels: makePixels(labels.length, 42),
    split: stratifiedSplit(labels, { validation: counts.length, test: counts.length }, 1),
    ...overrides,
  };
}

function copyImage(pixels: Uint8Array, from: number, to: number, size = SIZE): void {
  pixels.copyWithin(to * size, from * size, (from + 1) * size);
}

/** Changes one byte a little, keeping it in 0–255. */
function nudge(pixels: Uint8Array, at: number, by: number): void {
  pixels[at] = (pixels[at]! + by) % 256;
}

function kinds(issues: HealthIssue[]): string[] {
  return issues.map((issue) => issue.kind);
}

function only(issues: HealthIssue[], kind: HealthIssue['kind']): HealthIssue {
  const found = issues.filter((issue) => issue.kind === kind);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('checkHealth', () => {
  it('finds nothing wrong with a balanced set of distinct images', () => {
    expect(checkHealth(makeInput([20, 20, 20]))).toEqual([]);
  });

  it('finds nothing wrong with generated colour shapes', () => {
    const data = generateShapes(1200, 5);
    const split = stratifiedSplit(data.labels, { validation: 120, test: 120 }, 1);
    expect(checkHealth({ ...data, shape: [32, 32, 3], split })).toEqual([]);
  });

  it('reports a dataset with only one class that has examples', () => {
    const input = makeInput([10, 0]);
    const issue = only(checkHealth(input), 'too-few-classes');
    expect(issue.severity).toBe('error');
    expect(issue.message).toMatch(/at least two classes/);
  });

  it('names a class with fewer than 5 examples', () => {
    const issue = only(checkHealth(makeInput([20, 3], { split: makeSplit(23) })), 'small-class');
    expect(issue.severity).toBe('warning');
    expect(issue.message).toMatch(/"class 1" has only 3 examples/);
    expect(issue.examples).toEqual([20, 21, 22]);
  });

  it('names a class that has no example in a used holdout split', () => {
    // Class 1 has 6 examples, all in train, while validation holds class 0 only.
    const input = makeInput([20, 6], { split: makeSplit(26, [0, 1]) });
    const issue = only(checkHealth(input), 'small-class');
    expect(issue.message).toMatch(/"class 1".*none in validation/);
  });

  it('names an empty class', () => {
    const input = makeInput([10, 10, 0], { split: makeSplit(20) });
    expect(only(checkHealth(input), 'small-class').message).toMatch(/"class 2" has no examples/);
  });

  it('reports imbalance beyond 3 to 1, naming both classes and their counts', () => {
    const input = makeInput([40, 20, 10]);
    const issue = only(checkHealth(input), 'imbalance');
    expect(issue.message).toMatch(/"class 0" has 40 examples.*3 times the 10 of class "class 2"/);
    expect(kinds(checkHealth(makeInput([30, 10])))).not.toContain('imbalance');
  });

  it('counts exact duplicates and shows them', () => {
    const input = makeInput([20, 20], { split: makeSplit(40) });
    copyImage(input.pixels, 5, 7);
    copyImage(input.pixels, 5, 30);
    const issues = checkHealth(input);
    expect(kinds(issues)).toEqual(['duplicates']);
    expect(issues[0]!.message).toMatch(/^2 images are exact copies of another image/);
    expect(issues[0]!.examples).toEqual([5, 7, 5, 30]);
  });

  it('reports near duplicates separately from exact ones', () => {
    const input = makeInput([20, 20], { split: makeSplit(40) });
    copyImage(input.pixels, 3, 12);
    nudge(input.pixels, 12 * SIZE + 10, 1);
    nudge(input.pixels, 12 * SIZE + 400, 2);
    const issues = checkHealth(input);
    expect(kinds(issues)).toEqual(['near-duplicates']);
    expect(issues[0]!.severity).toBe('info');
    expect(issues[0]!.message).toMatch(/^2 images look almost the same as another image/);
    expect(issues[0]!.examples).toEqual([3, 12]);
  });

  it('finds a slightly brighter copy of a picture with structure', () => {
    const data = generateShapes(60, 2);
    const size = 32 * 32 * 3;
    for (let k = 0; k < size; k++) {
      data.pixels[59 * size + k] = Math.min(255, data.pixels[k]! + 6 + (k % 3));
    }
    const split = makeSplit(60);
    const issue = only(checkHealth({ ...data, shape: [32, 32, 3], split }), 'near-duplicates');
    expect(issue.examples).toEqual([0, 59]);
  });

  it('reports copies of training images in validation and test as leakage', () => {
    const input = makeInput([20, 20], { split: makeSplit(40, [1, 21], [2, 22]) });
    copyImage(input.pixels, 10, 1); // exact copy of a train image in validation
    copyImage(input.pixels, 30, 22); // near copy of a train image in test
    nudge(input.pixels, 22 * SIZE, 4);
    copyImage(input.pixels, 2, 21); // validation copies test: no train image involved
    const issue = only(checkHealth(input), 'leakage');
    expect(issue.severity).toBe('error');
    expect(issue.message).toMatch(
      /^1 validation image and 1 test image have an exact or near copy in train/,
    );
    expect(issue.examples).toEqual([1, 10, 22, 30]);
  });

  it('finds a copy among 20,000 images of 64×64×3', () => {
    const size = 64 * 64 * 3;
    const labels = Uint8Array.from({ length: 20000 }, (_, i) => i % 10);
    const pixels = makePixels(20000, 9, size);
    copyImage(pixels, 100, 19999, size);
    const split = stratifiedSplit(labels, { validation: 2000, test: 2000 }, 3);
    const issues = checkHealth({
      shape: [64, 64, 3],
      classNames: Array.from({ length: 10 }, (_, c) => `${c}`),
      labels,
      pixels,
      split,
    });
    expect(kinds(issues)).toContain('duplicates');
  });

  it('handles many images that share one near-duplicate hash', () => {
    // Plain images of different greys all hash alike: the band buckets degrade to one.
    const labels = Uint8Array.from({ length: 3000 }, (_, i) => i % 2);
    const pixels = new Uint8Array(3000 * SIZE);
    for (let i = 0; i < 3000; i++) pixels.fill(i % 250, i * SIZE, (i + 1) * SIZE);
    pixels[SIZE * 2999] = 255; // keep image 2999 apart from image 249's grey
    const issues = checkHealth({
      shape: SHAPE,
      classNames: ['a', 'b'],
      labels,
      pixels,
      split: makeSplit(3000),
    });
    expect(kinds(issues)).toEqual(['duplicates', 'near-duplicates']);
  });

  it('refuses pixels too short for the labels', () => {
    const input = makeInput([2, 2], { pixels: new Uint8Array(SIZE) });
    expect(() => checkHealth(input)).toThrow(/4 labels but pixels for only 1/);
  });
});
