import type { InsightRequest, InsightResult } from '../../shared/insights';
import { assertNever } from '../../shared/assert-never';
import type { InsightContext } from './context';
import { InsightError } from './context';
import { evaluateSplit } from './evaluate';
import { examples } from './examples';
import { featureMaps } from './feature-maps';
import { predict } from './predict';
import { saliency } from './saliency';
import { weights } from './weights';

export type { InsightContext } from './context';
export { InsightError } from './context';

/**
 * Answers one insight request on the live model. Every tensor a request creates is disposed
 * before it resolves, and nothing in the context is modified or disposed, so requests may
 * interleave with a running training loop.
 */
export async function answerInsight(
  ctx: InsightContext,
  request: InsightRequest,
): Promise<InsightResult> {
  switch (request.kind) {
    case 'evaluate':
      if (request.split !== 'validation' && request.split !== 'test') {
        throw new InsightError(
          `Evaluation runs on the validation or test split, not '${String(request.split)}'.`,
        );
      }
      return evaluateSplit(ctx, request.split);
    case 'examples':
      return examples(ctx, request.split, request.indices);
    case 'featureMaps':
      return featureMaps(ctx, request.images, request.layerIds);
    case 'saliency':
      return saliency(ctx, request);
    case 'weights':
      return weights(ctx);
    case 'predict':
      return predict(ctx, request.image);
    default:
      return assertNever(request);
  }
}
