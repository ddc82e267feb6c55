import type {
  ImageFeatureMaps,
  ImageRef,
  InsightResult,
  SaliencyMap,
  SaliencyMethod,
} from '../../shared/insights';
import type { PinnedImage } from '../store/insights-slice';
import type { InsightQuestion } from './insight-client';

type Saliency = Extract<InsightResult, { kind: 'saliency' }>;
type FeatureMaps = Extract<InsightResult, { kind: 'featureMaps' }>;

/** One image's map from a saliency answer, with the method that drew it. */
export interface FoundMap {
  method: SaliencyMethod;
  map: SaliencyMap;
}

/** The pinned images as a question names them. */
export const refsOf = (pinned: readonly PinnedImage[]): ImageRef[] =>
  pinned.map(({ split, index }) => ({ source: 'split', split, index }));

/**
 * Where `image` is among the images a question asked about, or -1. The answer on screen may
 * be for an older list of pinned images than the one shown, so each image's part of it is
 * found by the image's place in the question it answers, not by its place now.
 */
function placeIn(asked: readonly ImageRef[], image: PinnedImage): number {
  return asked.findIndex(
    (ref) => ref.source === 'split' && ref.split === image.split && ref.index === image.index,
  );
}

/** The map `result` holds for `image`; none when the question `answered` did not ask about it. */
export function mapFor(
  result: Saliency | null,
  answered: InsightQuestion | null,
  image: PinnedImage,
): FoundMap | undefined {
  if (!result || answered?.kind !== 'saliency') return undefined;
  const map = result.maps[placeIn(answered.images, image)];
  return map ? { method: result.method, map } : undefined;
}

/** The feature maps `result` holds for `image`; none when `answered` did not ask about it. */
export function featureMapsFor(
  result: FeatureMaps | null,
  answered: InsightQuestion | null,
  image: PinnedImage,
): ImageFeatureMaps | undefined {
  if (!result || answered?.kind !== 'featureMaps') return undefined;
  return result.images[placeIn(answered.images, image)];
}
