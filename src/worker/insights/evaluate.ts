import type { InsightResult } from '../../shared/insights';
import { classificationReport } from '../../shared/metrics';
import type { InsightContext } from './context';
import { evaluateWithProbabilities } from '../evaluate';
import { argMaxRows, rankMisclassified } from './ranking';

type Evaluation = Extract<InsightResult, { kind: 'evaluation' }>;

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
    (split === 'validation' && ctx.validationAtEpochEnd) ||
    (await evaluateWithProbabilities(ctx.model, ctx.device[split], classes)).probabilities;
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
