/**
 * Ensembles: several trained models vote by averaging their class probabilities, which
 * usually beats each member because their mistakes differ.
 */

import { confusionMatrix } from './metrics';

/** How the ensemble decides, written into exports so a reader can reproduce it. */
export const ENSEMBLE_RULE = 'mean of member probabilities, then argmax';

/** How a model, or the ensemble, scored on the test split. */
export interface EnsembleScores {
  accuracy: number;
  /** Mean cross-entropy, with probabilities clipped as the training loss clips them. */
  loss: number;
  /** Each class's accuracy (recall); NaN for a class the split lacks. */
  perClass: number[];
}

/** An ensemble scored on the test split, beside each of its members. */
export interface EnsembleResult {
  /** Test examples scored. */
  examples: number;
  ensemble: EnsembleScores & { confusion: number[][] };
  /** In the order the runs were given. */
  members: (EnsembleScores & { runId: string })[];
}

/** The training loss's clip (src/worker/loss.ts), so the two losses compare. */
const EPSILON = 1e-7;

/** Throws unless `probs` is whole rows of a positive whole number of classes. */
function checkRows(probs: Float32Array, classes: number): void {
  if (!Number.isInteger(classes) || classes < 1) {
    throw new Error(`classes must be a positive whole number, got ${classes}`);
  }
  if (probs.length % classes !== 0) {
    throw new Error(`${probs.length} probabilities are not whole rows of ${classes} classes`);
  }
}

/**
 * The members' class probabilities averaged, entry by entry. Each member is a row-major
 * `count × classes` array, one row per example.
 *
 * @throws Error when there are no members, `classes` is not a positive whole number, or the
 *   members' sizes differ or are not whole rows.
 */
export function averageProbabilities(members: Float32Array[], classes: number): Float32Array {
  const [first] = members;
  if (first === undefined) throw new Error('An ensemble needs at least one member.');
  checkRows(first, classes);
  members.forEach((member, m) => {
    if (member.length !== first.length) {
      throw new Error(
        `Member ${m} has ${member.length} probabilities; member 0 has ${first.length}`,
      );
    }
  });
  // Summed in doubles so the mean of many members does not pick up float32 rounding.
  const sums = new Float64Array(first.length);
  for (const member of members) {
    for (let i = 0; i < member.length; i++) sums[i]! += member[i]!;
  }
  return Float32Array.from(sums, (sum) => sum / members.length);
}

/**
 * The class with the highest probability in each row; the first one wins a tie.
 *
 * @throws Error when `probs` is not whole rows of `classes`.
 */
export function argmaxRows(probs: Float32Array, classes: number): Int32Array {
  checkRows(probs, classes);
  const rows = probs.length / classes;
  const predicted = new Int32Array(rows);
  for (let row = 0; row < rows; row++) {
    const start = row * classes;
    let best = 0;
    for (let c = 1; c < classes; c++) {
      if (probs[start + c]! > probs[start + best]!) best = c;
    }
    predicted[row] = best;
  }
  return predicted;
}

/**
 * Share of predictions that match their labels; 0 for no examples, as `metrics.accuracyOf`
 * gives for an empty confusion matrix.
 *
 * @throws Error when there are not as many predictions as labels.
 */
export function accuracyOfPredictions(predicted: Int32Array, labels: ArrayLike<number>): number {
  if (predicted.length !== labels.length) {
    throw new Error(`${predicted.length} predictions but ${labels.length} labels`);
  }
  let correct = 0;
  for (let i = 0; i < predicted.length; i++) if (predicted[i] === labels[i]) correct++;
  return predicted.length === 0 ? 0 : correct / predicted.length;
}

/**
 * Mean cross-entropy of the labels under `probs`; NaN for no examples.
 *
 * @throws Error when `probs` is not one row of `classes` per label.
 */
export function crossEntropyOf(
  probs: Float32Array,
  labels: ArrayLike<number>,
  classes: number,
): number {
  checkRows(probs, classes);
  if (probs.length !== labels.length * classes) {
    throw new Error(`${probs.length / classes} rows of probabilities but ${labels.length} labels`);
  }
  let sum = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = probs[i * classes + (labels[i] ?? 0)] ?? 0;
    sum -= Math.log(Math.min(1, Math.max(EPSILON, p)));
  }
  return labels.length === 0 ? Number.NaN : sum / labels.length;
}

/** Each class's share of its examples on the diagonal; NaN for a class with none. */
export function perClassAccuracy(confusion: number[][]): number[] {
  return confusion.map((row, k) => {
    const total = row.reduce((sum, n) => sum + n, 0);
    return total > 0 ? (row[k] ?? 0) / total : Number.NaN;
  });
}

function scoresOf(probs: Float32Array, labels: Int32Array, classes: number) {
  const confusion = confusionMatrix(labels, argmaxRows(probs, classes), classes);
  return {
    accuracy: accuracyOfPredictions(argmaxRows(probs, classes), labels),
    loss: crossEntropyOf(probs, labels, classes),
    perClass: perClassAccuracy(confusion),
    confusion,
  };
}

/**
 * Scores each member's probabilities and their average against the labels.
 *
 * @throws Error when there are no members, or not one id per member, or the probabilities are
 *   not one row per label.
 */
export function scoreEnsemble(
  runIds: string[],
  probabilities: Float32Array[],
  labels: Int32Array,
  classes: number,
): EnsembleResult {
  if (runIds.length !== probabilities.length) {
    throw new Error(`${runIds.length} runs but ${probabilities.length} sets of probabilities`);
  }
  const members = probabilities.map((probs, m) => {
    const { accuracy, loss, perClass } = scoresOf(probs, labels, classes);
    return { runId: runIds[m] ?? '', accuracy, loss, perClass };
  });
  const ensemble = scoresOf(averageProbabilities(probabilities, classes), labels, classes);
  return { examples: labels.length, ensemble, members };
}

/** For each class, whether the ensemble is right more often than every one of its members. */
export function classesEnsembleWins(result: EnsembleResult): boolean[] {
  return result.ensemble.perClass.map((accuracy, k) =>
    result.members.every((member) => accuracy > (member.perClass[k] ?? Number.NaN)),
  );
}
