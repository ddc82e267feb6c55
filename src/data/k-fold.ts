/**
 * Stratified k-fold cross-validation: train k times, each time holding out a different fold,
 * so a score comes with its spread instead of hanging on one lucky validation split.
 */
import { createRng, shuffleInPlace } from '../shared/random';
import { indicesByClass } from './split';

/** Fewer than 2 folds validate nothing; more than 10 runs take too long in a browser. */
export const MIN_FOLDS = 2;
export const MAX_FOLDS = 10;

/**
 * Splits example indices into `k` stratified folds, each sorted ascending. Every fold holds
 * the floor or the ceiling of count / k examples of each class, and fold sizes differ by at
 * most 1: each class is shuffled (seeded), the classes are laid end to end, and the examples
 * are dealt to the folds in turn. A class with fewer than `k` examples is simply missing from
 * some folds.
 *
 * @throws Error when `k` is not a whole number from 2 to 10, exceeds the number of examples
 *   (a fold would be empty), or a label is not a non-negative integer.
 */
export function stratifiedKFold(labels: ArrayLike<number>, k: number, seed: number): Int32Array[] {
  if (!Number.isInteger(k) || k < MIN_FOLDS || k > MAX_FOLDS) {
    throw new Error(
      `The number of folds must be a whole number from ${MIN_FOLDS} to ${MAX_FOLDS}, got ${k}.`,
    );
  }
  if (k > labels.length) {
    throw new Error(`${k} folds need at least ${k} examples, but there are ${labels.length}.`);
  }
  const rng = createRng(seed);
  const dealt = indicesByClass(labels).flatMap((members) => shuffleInPlace(members, rng));
  const folds = Array.from({ length: k }, () => [] as number[]);
  dealt.forEach((index, position) => folds[position % k]!.push(index));
  // Typed-array sort is numeric, unlike Array.prototype.sort.
  return folds.map((fold) => Int32Array.from(fold).sort());
}

/**
 * Fold `i` as validation and all the others as training, both sorted ascending. Both are
 * fresh arrays, so transferring one to the worker never detaches a fold.
 *
 * @throws Error when `i` is not the index of a fold.
 */
export function foldSplit(
  folds: Int32Array[],
  i: number,
): { train: Int32Array; validation: Int32Array } {
  const validation = folds[i];
  if (!Number.isInteger(i) || validation === undefined) {
    throw new Error(`There is no fold ${i}; folds are numbered 0 to ${folds.length - 1}.`);
  }
  const rest = folds.filter((_, f) => f !== i);
  const train = new Int32Array(rest.reduce((total, fold) => total + fold.length, 0));
  let filled = 0;
  for (const fold of rest) {
    train.set(fold, filled);
    filled += fold.length;
  }
  return { train: train.sort(), validation: validation.slice() };
}

/**
 * Mean and sample standard deviation (n − 1 in the denominator: the folds are a sample of the
 * splits one could have drawn); the spread of a single value is 0.
 *
 * @throws Error for an empty list.
 */
export function meanAndSpread(values: number[]): { mean: number; std: number } {
  if (values.length === 0) throw new Error('The mean and spread of no values are undefined.');
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  if (values.length === 1) return { mean, std: 0 };
  const squares = values.reduce((sum, v) => sum + (v - mean) ** 2, 0);
  return { mean, std: Math.sqrt(squares / (values.length - 1)) };
}

/** The examples one fold of a cross-validated run trains on and validates on. */
export interface FoldIndices {
  train: Uint32Array;
  validation: Uint32Array;
}

/**
 * The folds of a cross-validated run over the examples in `pool` (dataset indices, such as the
 * train and validation splits together): for each fold, the dataset indices to train on and to
 * validate on, each ascending. Stratified by `labels` (indexed by dataset index).
 *
 * @throws Error naming the first class of `classNames` with fewer than `k` examples in the
 *   pool: some fold would validate without it, and its spread would mean little.
 */
export function crossValidationFolds(
  pool: ArrayLike<number>,
  labels: ArrayLike<number>,
  classNames: readonly string[],
  k: number,
  seed: number,
): FoldIndices[] {
  const poolLabels = Array.from(pool, (index) => labels[index]!);
  const counts = new Array<number>(classNames.length).fill(0);
  for (const label of poolLabels) counts[label] = (counts[label] ?? 0) + 1;
  const short = counts.findIndex((count) => count < k);
  if (short !== -1) {
    throw new Error(
      `${k}-fold cross-validation needs at least ${k} examples of every class in the train and validation splits; '${classNames[short]}' has ${counts[short]}.`,
    );
  }
  const toDataset = (positions: Int32Array) =>
    Uint32Array.from(positions, (position) => pool[position]!).sort();
  const folds = stratifiedKFold(poolLabels, k, seed);
  return folds.map((_, i) => {
    const { train, validation } = foldSplit(folds, i);
    return { train: toDataset(train), validation: toDataset(validation) };
  });
}
