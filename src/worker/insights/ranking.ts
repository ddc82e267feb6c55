/** One class and its probability. */
export interface ClassProbability {
  classIndex: number;
  p: number;
}

/** Most misclassified examples the evaluation returns (the gallery shows far fewer). */
export const MISCLASSIFIED_LIMIT = 200;

/** The `k` most probable classes of row `row` of a [rows, classes] probability matrix. */
export function topK(
  probabilities: Float32Array,
  classes: number,
  row: number,
  k = 3,
): ClassProbability[] {
  const offset = row * classes;
  return Array.from({ length: classes }, (_, classIndex) => ({
    classIndex,
    p: probabilities[offset + classIndex] ?? 0,
  }))
    .sort((a, b) => b.p - a.p || a.classIndex - b.classIndex)
    .slice(0, k);
}

/** The predicted (most probable, first on ties) class of every row. */
export function argMaxRows(probabilities: Float32Array, classes: number): Uint8Array {
  const rows = classes === 0 ? 0 : probabilities.length / classes;
  const predicted = new Uint8Array(rows);
  for (let row = 0; row < rows; row++) {
    let best = 0;
    for (let k = 1; k < classes; k++) {
      if ((probabilities[row * classes + k] ?? 0) > (probabilities[row * classes + best] ?? 0)) {
        best = k;
      }
    }
    predicted[row] = best;
  }
  return predicted;
}

/**
 * Misclassified examples, the most confident wrong prediction first, each with its top-3
 * probabilities; at most `limit` of them.
 */
export function rankMisclassified(
  probabilities: Float32Array,
  labels: Uint8Array,
  predicted: Uint8Array,
  classes: number,
  limit = MISCLASSIFIED_LIMIT,
): { index: number; label: number; top: ClassProbability[] }[] {
  const wrong: { index: number; confidence: number }[] = [];
  predicted.forEach((guess, index) => {
    if (guess !== labels[index]) {
      wrong.push({ index, confidence: probabilities[index * classes + guess] ?? 0 });
    }
  });
  wrong.sort((a, b) => b.confidence - a.confidence || a.index - b.index);
  return wrong.slice(0, limit).map(({ index }) => ({
    index,
    label: labels[index] ?? 0,
    top: topK(probabilities, classes, index),
  }));
}
