/**
 * Stratified train/validation/test splits: every split sees the classes in the same
 * proportions as the whole dataset, and the same seed always gives the same split.
 */
import { createRng, shuffleInPlace } from '../shared/random';

/** How many examples go to validation and to test; train gets the rest. */
export interface SplitSizes {
  validation: number;
  test: number;
}

/** Example indices of each split, each sorted ascending. */
export interface Split {
  train: Uint32Array;
  validation: Uint32Array;
  test: Uint32Array;
}

function checkSize(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} size must be a non-negative integer, got ${value}`);
  }
}

/**
 * Per-class counts for each split (columns: validation, test, train), each the floor or
 * ceiling of its exact proportional share, with the column totals exact.
 *
 * Starts from largest-remainder rounding column by column; when a small class cannot hold
 * every share it was rounded up in, an augmenting path moves one of its roundings to a class
 * that can. Bacharach's theorem (row and column totals are integers) guarantees such a
 * path exists. Integer arithmetic throughout, so remainders tie exactly, not by float noise.
 *
 * @param sizes the size of each split; they must add up to the total of `classCounts`.
 */
export function allocateStratified(
  classCounts: readonly number[],
  sizes: readonly number[],
): number[][] {
  const total = sum(classCounts);
  if (sum(sizes) !== total) {
    throw new Error(`split sizes add up to ${sum(sizes)}, not to the ${total} examples`);
  }
  const classes = classCounts.map((_, c) => c);
  if (total === 0) return sizes.map(() => classes.map(() => 0));

  const floors = sizes.map((size) =>
    classCounts.map((count) => Math.floor((size * count) / total)),
  );
  const remainders = sizes.map((size) => classCounts.map((count) => (size * count) % total));
  const roundedUp = sizes.map(() => classes.map(() => false));
  const columnShort = sizes.map((size, s) => size - sum(floors[s]!));
  const rowShort = classes.map(
    (c) => classCounts[c]! - floors.reduce((acc, column) => acc + column[c]!, 0),
  );
  const canRoundUp = (s: number, c: number) => remainders[s]![c]! > 0 && !roundedUp[s]![c];

  sizes.forEach((_, s) => {
    const byRemainder = classes
      .filter((c) => remainders[s]![c]! > 0)
      .sort((a, b) => remainders[s]![b]! - remainders[s]![a]! || a - b);
    for (const c of byRemainder) {
      if (columnShort[s] === 0) break;
      if (rowShort[c] === 0) continue;
      roundedUp[s]![c] = true;
      columnShort[s]!--;
      rowShort[c]!--;
    }
  });

  for (const c of classes) {
    while (rowShort[c]! > 0) {
      augment(c);
      rowShort[c]!--;
    }
  }
  return floors.map((column, s) => column.map((floor, c) => floor + (roundedUp[s]![c] ? 1 : 0)));

  // Breadth-first over the (few) split columns: reach a column still short, shifting each
  // visited column's rounding from one class to another along the way.
  function augment(start: number): void {
    const via = new Map<number, { from: number; row: number }>();
    const queue = sizes.map((_, s) => s).filter((s) => canRoundUp(s, start));
    queue.forEach((s) => via.set(s, { from: -1, row: start }));
    for (let head = 0; head < queue.length; head++) {
      const s = queue[head]!;
      if (columnShort[s]! > 0) {
        columnShort[s]!--;
        for (let at = s, step = via.get(at); step; at = step.from, step = via.get(at)) {
          roundedUp[at]![step.row] = true;
          if (step.from !== -1) roundedUp[step.from]![step.row] = false;
        }
        return;
      }
      for (const row of classes.filter((r) => roundedUp[s]![r])) {
        for (const next of sizes.keys()) {
          if (!via.has(next) && canRoundUp(next, row)) {
            via.set(next, { from: s, row });
            queue.push(next);
          }
        }
      }
    }
    throw new Error('stratified split: no rounding fits the class counts (this is a bug)');
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((acc, value) => acc + value, 0);
}

/**
 * Example indices of each class present, classes in ascending label order and each class's
 * indices ascending. Sorted by label so seeded shuffles of the groups, and therefore splits
 * and folds, do not depend on which class happens to appear first. The arrays are fresh, for
 * the caller to shuffle.
 *
 * @throws Error when a label is not a non-negative integer.
 */
export function indicesByClass(labels: ArrayLike<number>): number[][] {
  const byLabel = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    if (!Number.isInteger(label) || label < 0) {
      throw new Error(`label of example ${i} must be a non-negative integer, got ${label}`);
    }
    const members = byLabel.get(label);
    if (members) members.push(i);
    else byLabel.set(label, [i]);
  }
  return [...byLabel.entries()].sort(([a], [b]) => a - b).map(([, members]) => members);
}

/**
 * Splits example indices into train, validation and test, stratified by label.
 *
 * Validation and test get exactly the requested totals; each class's share of either is
 * within 1 of its proportional share. Which examples of a class go where is decided by a
 * shuffle seeded with `seed`. Indices within each split are sorted ascending (training
 * shuffles per epoch itself).
 *
 * @param labels class index of each example (non-negative integers).
 * @throws Error when a size is negative or not an integer, the sizes exceed the data, or a
 *   label is not a non-negative integer.
 */
export function stratifiedSplit(labels: ArrayLike<number>, sizes: SplitSizes, seed: number): Split {
  checkSize('validation', sizes.validation);
  checkSize('test', sizes.test);
  const total = labels.length;
  if (sizes.validation + sizes.test > total) {
    throw new Error(
      `validation (${sizes.validation}) + test (${sizes.test}) exceeds the ${total} examples`,
    );
  }

  const groups = indicesByClass(labels);
  const holdout = sizes.validation + sizes.test;
  const [validationCounts, testCounts] = allocateStratified(
    groups.map((members) => members.length),
    [sizes.validation, sizes.test, total - holdout],
  ) as [number[], number[], number[]];

  const rng = createRng(seed);
  const split: Split = {
    train: new Uint32Array(total - holdout),
    validation: new Uint32Array(sizes.validation),
    test: new Uint32Array(sizes.test),
  };
  const filled = { train: 0, validation: 0, test: 0 };
  const take = (part: keyof Split, indices: number[]) => {
    split[part].set(indices, filled[part]);
    filled[part] += indices.length;
  };
  groups.forEach((members, c) => {
    shuffleInPlace(members, rng);
    const validationEnd = validationCounts[c]!;
    const testEnd = validationEnd + testCounts[c]!;
    take('validation', members.slice(0, validationEnd));
    take('test', members.slice(validationEnd, testEnd));
    take('train', members.slice(testEnd));
  });
  // Typed-array sort is numeric, unlike Array.prototype.sort.
  split.train.sort();
  split.validation.sort();
  split.test.sort();
  return split;
}
