import type { ClassMetrics } from './insights';

/** What a classifier got right and wrong on a set of examples. */
export interface ClassificationReport {
  /** confusion[actual][predicted] counts. */
  confusion: number[][];
  perClass: ClassMetrics[];
  accuracy: number;
  macroF1: number;
}

/** confusion[actual][predicted]: how many examples of each class went to each prediction. */
export function confusionMatrix(
  labels: ArrayLike<number>,
  predicted: ArrayLike<number>,
  classes: number,
): number[][] {
  if (labels.length !== predicted.length) {
    throw new Error(`${labels.length} labels but ${predicted.length} predictions`);
  }
  const matrix = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < labels.length; i++) {
    const row = matrix[labels[i] ?? -1];
    const column = predicted[i] ?? -1;
    if (!row || column < 0 || column >= classes) {
      throw new Error(`Example ${i} has a class outside 0..${classes - 1}`);
    }
    row[column] = (row[column] ?? 0) + 1;
  }
  return matrix;
}

// 0 rather than NaN when nothing was counted: a class never predicted has precision 0.
const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

/**
 * Precision, recall, F1 and support of every class. A class never predicted has precision 0,
 * a class with no examples recall 0, and F1 is 0 whenever precision and recall both are.
 */
export function perClassMetrics(confusion: number[][]): ClassMetrics[] {
  return confusion.map((row, k) => {
    const truePositives = row[k] ?? 0;
    const support = row.reduce((sum, n) => sum + n, 0);
    const predictedAsK = confusion.reduce((sum, other) => sum + (other[k] ?? 0), 0);
    const precision = ratio(truePositives, predictedAsK);
    const recall = ratio(truePositives, support);
    const f1 = ratio(2 * precision * recall, precision + recall);
    return { precision, recall, f1, support };
  });
}

/** Share of examples on the diagonal; 0 for an empty matrix. */
export function accuracyOf(confusion: number[][]): number {
  let correct = 0;
  let total = 0;
  confusion.forEach((row, k) => {
    correct += row[k] ?? 0;
    total += row.reduce((sum, n) => sum + n, 0);
  });
  return ratio(correct, total);
}

/** Unweighted mean of the per-class F1 scores, every class counting once. */
export function macroF1Of(perClass: ClassMetrics[]): number {
  return ratio(
    perClass.reduce((sum, m) => sum + m.f1, 0),
    perClass.length,
  );
}

/** Confusion matrix, per-class metrics, accuracy and macro-F1 in one go. */
export function classificationReport(
  labels: ArrayLike<number>,
  predicted: ArrayLike<number>,
  classes: number,
): ClassificationReport {
  const confusion = confusionMatrix(labels, predicted, classes);
  const perClass = perClassMetrics(confusion);
  return { confusion, perClass, accuracy: accuracyOf(confusion), macroF1: macroF1Of(perClass) };
}
