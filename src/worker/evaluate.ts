import * as tf from '@tensorflow/tfjs';
import type { SplitSource } from './device-data';
import { lossAndCorrect } from './loss';

/** Mean loss and accuracy of a model on one split, read back once at the end. */
export async function evaluate(
  model: tf.LayersModel,
  split: SplitSource,
  classes: number,
  batchSize = 256,
): Promise<{ loss: number; accuracy: number }> {
  if (split.count === 0) return { loss: Number.NaN, accuracy: Number.NaN };
  let sums: tf.Tensor1D = tf.zeros([2]);
  for (let start = 0; start < split.count; start += batchSize) {
    const size = Math.min(batchSize, split.count - start);
    const next = tf.tidy(() => {
      const { x, y } = split.range(start, size);
      const probs = model.predict(x) as tf.Tensor2D;
      const { lossSum, correct } = lossAndCorrect(probs, y, classes);
      return sums.add<tf.Tensor1D>(tf.stack([lossSum, correct]));
    });
    sums.dispose();
    sums = next;
  }
  const [lossSum = Number.NaN, correct = 0] = await sums.data();
  sums.dispose();
  return { loss: lossSum / split.count, accuracy: correct / split.count };
}
