import type { PinnedImage } from '../store/insights-slice';
import { useExamples } from './example-pixels';
import type { Rgba } from './pixels';

/** The pixels of one pinned image, fetched once (undefined until they arrive). */
export function usePinnedPixels(image: PinnedImage): Rgba | undefined {
  const { images } = useExamples(`pin:${image.split}:${image.index}`, image.split, [image.index]);
  return images.get(image.index);
}
