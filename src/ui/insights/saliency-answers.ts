import type { InsightResult, SaliencyMap, SaliencyMethod } from '../../shared/insights';
import type { PinnedImage } from '../store/insights-slice';
import type { InsightQuestion } from './insight-client';

type Saliency = Extract<InsightResult, { kind: 'saliency' }>;

/** One image's map from a saliency answer, with the method that drew it. */
export interface FoundMap {
  method: SaliencyMethod;
  map: SaliencyMap;
}

/**
 * The map `result` holds for `image`. The answer on screen may be for an older list of pinned
 * images than the one shown, so the map is found by the image's place in the question it
 * answers, `answered`, not by its place now. None when that question did not ask about it.
 */
export function mapFor(
  result: Saliency | null,
  answered: InsightQuestion | null,
  image: PinnedImage,
): FoundMap | undefined {
  if (!result || answered?.kind !== 'saliency') return undefined;
  const at = answered.images.findIndex(
    (ref) => ref.source === 'split' && ref.split === image.split && ref.index === image.index,
  );
  const map = at < 0 ? undefined : result.maps[at];
  return map ? { method: result.method, map } : undefined;
}
