import * as tf from '@tensorflow/tfjs';
import type { InsightResult } from '../../shared/insights';
import { classificationReport } from '../../shared/metrics';
import type { InsightContext } from './context';
import { readAndDispose } from './read';
import { argMaxRows, rankMisclassified } from './ranking';

type Evaluation = Extract<InsightResult, { kind: 'evaluation' }>;

/** Examples per forward pass: large enough to keep the device busy, small enough to fit. */
const BATCH = 256;

/** Class probabilities of every example of a split, read back batch by batch. */
async function splitProbabilities(
  ctx: InsightContext,
  split: 'validation' | 'test',
): Promise<Float32Array> {
  const source = ctx.device[split];
  const { count } = source;
  const classes = ctx.device.classes;
  const probabilities = new Float32Array(count * classes);
  for (let start = 0; start < count; start += BATCH) {
    const size = Math.min(BATCH, count - start);
    const batch = tf.tidy(() => ctx.model.predict(source.range(start, size).x) as tf.Tensor);
    probabilities.set(await readAndDispose(batch), start * classes);
  }
  return probabilities;
}

/**
 * Confusion matrix, per-class metrics and the misclassified examples of a split; during a run,
 * of the validation split at the latest epoch end (see `InsightContext`).
 */
export async function evaluateSplit(
  ctx: InsightContext,
  split: 'validation' | 'test',
): Promise<Evaluation> {
  const classes = ctx.device.classes;
  const probabilities =
    (split === 'validation' && ctx.validationAtEpochEnd) || (await splitProbabilities(ctx, split));
  const { host } = ctx.dataset;
  const labels = Uint8Array.from(ctx.dataset.split[split], (i) => host.labels[i] ?? 0);
  const predicted = argMaxRows(probabilities, classes);
  return {
    kind: 'evaluation',
    split,
    ...classificationReport(labels, predicted, classes),
    predicted,
    labels,
    misclassified: rankMisclassified(probabilities, labels, predicted, classes),
  };
}
