import * as tf from '@tensorflow/tfjs';
import type { SplitSource } from './device-data';
import { lossAndCorrect } from './loss';

export interface Scores {
  loss: number;
  accuracy: number;
}

/**
 * Sums over one split, read back once at the end: [loss sum, correct] and, with `byClass`,
 * then each class's correct predictions and each class's examples.
 */
async function sumsOver(
  model: tf.LayersModel,
  split: SplitSource,
  classes: number,
  batchSize: number,
  byClass: boolean,
): Promise<Float32Array> {
  let sums: tf.Tensor1D = tf.zeros([byClass ? 2 + 2 * classes : 2]);
  for (let start = 0; start < split.count; start += batchSize) {
    const size = Math.min(batchSize, split.count - start);
    const next = tf.tidy(() => {
      const { x, y } = split.range(start, size);
      const probs = model.predict(x) as tf.Tensor2D;
      const { lossSum, correct } = lossAndCorrect(probs, y, classes);
      const parts: tf.Tensor1D[] = [tf.stack([lossSum, correct]) as tf.Tensor1D];
      if (byClass) {
        const oneHot = tf.oneHot(y, classes).toFloat();
        const hits = tf.equal(tf.argMax(probs, 1), y).toFloat().expandDims(1);
        parts.push(oneHot.mul(hits).sum(0), oneHot.sum(0));
      }
      return sums.add<tf.Tensor1D>(tf.concat(parts));
    });
    sums.dispose();
    sums = next;
  }
  const values = (await sums.data()) as Float32Array;
  sums.dispose();
  return values;
}

/** Mean loss and accuracy of a model on one split, read back once at the end. */
export async function evaluate(
  model: tf.LayersModel,
  split: SplitSource,
  classes: number,
  batchSize = 256,
): Promise<Scores> {
  if (split.count === 0) return { loss: Number.NaN, accuracy: Number.NaN };
  const [lossSum = Number.NaN, correct = 0] = await sumsOver(
    model,
    split,
    classes,
    batchSize,
    false,
  );
  return { loss: lossSum / split.count, accuracy: correct / split.count };
}

/** As `evaluate`, with each class's accuracy too (NaN for a class the split lacks). */
export async function evaluateByClass(
  model: tf.LayersModel,
  split: SplitSource,
  classes: number,
  batchSize = 256,
): Promise<Scores & { perClass: number[] }> {
  if (split.count === 0) {
    return { loss: Number.NaN, accuracy: Number.NaN, perClass: Array<number>(classes).fill(NaN) };
  }
  const sums = await sumsOver(model, split, classes, batchSize, true);
  const [lossSum = Number.NaN, correct = 0] = sums;
  const perClass = Array.from({ length: classes }, (_, c) => {
    const total = sums[2 + classes + c] ?? 0;
    return total > 0 ? (sums[2 + c] ?? 0) / total : Number.NaN;
  });
  return { loss: lossSum / split.count, accuracy: correct / split.count, perClass };
}
