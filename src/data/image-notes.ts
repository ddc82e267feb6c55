/**
 * What a load report says about images that loaded but may not be what the user meant:
 * animations (only their first frame is used) and images far smaller than the input size.
 */

/** A loaded image and the size its header gave (null when the header did not say). */
export interface LoadedImageSize {
  path: string;
  width: number | null;
  height: number | null;
}

/** An image side at most this fraction of the input's side is "far smaller". */
export const TINY_FRACTION = 1 / 4;

/** Paths named in one note before the rest are counted. */
const NAMED = 3;

function listed(paths: string[]): string {
  const named = paths.slice(0, NAMED).join(', ');
  const more = paths.length - NAMED;
  return more > 0 ? `${named} and ${more.toLocaleString('en')} more` : named;
}

/** The note for animated images, or null when there are none. */
export function animatedNote(paths: string[]): string | null {
  if (paths.length === 0) return null;
  const count =
    paths.length === 1 ? '1 animated image was' : `${paths.length} animated images were`;
  return `${count} loaded from the first frame only: ${listed(paths)}.`;
}

/**
 * The note for images whose width or height is at most a quarter of the input's: scaled up,
 * they hold almost no detail (a 1×1 image becomes a flat colour). Null when there are none.
 */
export function tinyImagesNote(
  images: LoadedImageSize[],
  [height, width]: readonly [number, number],
): string | null {
  const tiny = images.filter(
    (image) =>
      image.width !== null &&
      image.height !== null &&
      (image.width <= width * TINY_FRACTION || image.height <= height * TINY_FRACTION),
  );
  if (tiny.length === 0) return null;
  const count = tiny.length === 1 ? '1 image is' : `${tiny.length.toLocaleString('en')} images are`;
  const sized = tiny.map(({ path, width: w, height: h }) => `${path} (${w}×${h})`);
  return (
    `${count} far smaller than the ${width}×${height} input and ${tiny.length === 1 ? 'was' : 'were'} ` +
    `scaled up, so ${tiny.length === 1 ? 'it holds' : 'they hold'} almost no detail: ${listed(sized)}. ` +
    `Remove ${tiny.length === 1 ? 'it' : 'them'} from the folder if ${tiny.length === 1 ? 'it is not a real example' : 'they are not real examples'}.`
  );
}
