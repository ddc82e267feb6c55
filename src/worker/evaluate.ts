import * as tf from '@tensorflow/tfjs';
import { EVALUATION_BATCH_SIZE } from '../shared/train-settings';
import type { SplitSource } from './device-data';
import { lossAndCorrect } from './loss';
import { DeviceQueue, activeFence, type QueueLimits } from './device-queue';
import { yieldToEventLoop } from './yield';

/**
 * One batch queued at a time while a batch takes 50 ms or more of device time: a batch of 256
 * is several steps' worth of work, and queuing the next while the worker prepares it costs
 * little next to it. More while they are quicker.
 */
const BATCH_QUEUE: QueueLimits = { minDepth: 1, maxDepth: 16, budgetMs: 50 };

export interface Scores {
  loss: number;
  accuracy: number;
}

/**
 * Sums over one split, read back once at the end: [loss sum, correct] and, with `byClass`,
 * then each class's correct predictions and each class's examples. With `keepProbabilities`,
 * also every example's class probabilities, read back with the sums.
 */
async function sumsOver(
  model: tf.LayersModel,
  split: SplitSource,
  classes: number,
  batchSize: number,
  { byClass = false, keepProbabilities = false } = {},
): Promise<{ sums: Float32Array; probabilities: Float32Array | null }> {
  let sums: tf.Tensor1D = tf.zeros([byClass ? 2 + 2 * classes : 2]);
  const kept: tf.Tensor2D[] = [];
  const device = new DeviceQueue(activeFence(), BATCH_QUEUE);
  try {
    for (let start = 0; start < split.count; start += batchSize) {
      const size = Math.min(batchSize, split.count - start);
      const next = tf.tidy(() => {
        const { x, y } = split.range(start, size);
        const probs = model.predict(x) as tf.Tensor2D;
        if (keepProbabilities) kept.push(tf.keep(probs));
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
      await device.queued();
      // Between batches, so the page's ping is answered: on the CPU backend each batch runs
      // synchronously in this worker, and a whole split of a large network takes minutes.
      await yieldToEventLoop();
    }
    const all = kept.length > 0 ? tf.concat(kept) : null;
    try {
      const [values, probabilities] = await Promise.all([sums.data(), all?.data() ?? null]);
      return {
        sums: values as Float32Array,
        probabilities: probabilities as Float32Array | null,
      };
    } finally {
      all?.dispose();
    }
  } finally {
    // Also when a pass fails part way (a lost device): nothing it made stays behind.
    sums.dispose();
    tf.dispose(kept);
  }
}

const NO_SCORES: Scores = { loss: Number.NaN, accuracy: Number.NaN };

/** Mean loss and accuracy from a split's sums. */
const scoresOf = ([lossSum = Number.NaN, correct = 0]: Float32Array, count: number): Scores => ({
  loss: lossSum / count,
  accuracy: correct / count,
});

/** Mean loss and accuracy of a model on one split, read back once at the end. */
export async function evaluate(
  model: tf.LayersModel,
  split: SplitSource,
  classes: number,
  batchSize = EVALUATION_BATCH_SIZE,
): Promise<Scores> {
  if (split.count === 0) return NO_SCORES;
  const { sums } = await sumsOver(model, split, classes, batchSize);
  return scoresOf(sums, split.count);
}

/**
 * As `evaluate`, with every example's class probabilities in split order (`count × classes`),
 * read back once at the end: for a confusion matrix, the misclassified examples, an ensemble.
 */
export async function evaluateWithProbabilities(
  model: tf.LayersModel,
  split: SplitSource,
  classes: number,
  batchSize = EVALUATION_BATCH_SIZE,
): Promise<{ scores: Scores; probabilities: Float32Array }> {
  if (split.count === 0) return { scores: NO_SCORES, probabilities: new Float32Array(0) };
  const options = { keepProbabilities: true };
  const { sums, probabilities } = await sumsOver(model, split, classes, batchSize, options);
  return {
    scores: scoresOf(sums, split.count),
    probabilities: probabilities ?? new Float32Array(0),
  };
}

/** As `evaluate`, with each class's accuracy too (NaN for a class the split lacks). */
export async function evaluateByClass(
  model: tf.LayersModel,
  split: SplitSource,
  classes: number,
  batchSize = EVALUATION_BATCH_SIZE,
): Promise<Scores & { perClass: number[] }> {
  if (split.count === 0) return { ...NO_SCORES, perClass: Array<number>(classes).fill(NaN) };
  const { sums } = await sumsOver(model, split, classes, batchSize, { byClass: true });
  const perClass = Array.from({ length: classes }, (_, c) => {
    const total = sums[2 + classes + c] ?? 0;
    return total > 0 ? (sums[2 + c] ?? 0) / total : Number.NaN;
  });
  return { ...scoresOf(sums, split.count), perClass };
}
