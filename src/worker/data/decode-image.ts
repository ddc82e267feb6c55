import type { AspectPolicy } from '../../shared/dataset';
import { fitRect } from '../../data/fit-rect';

/** The size and aspect policy every image of a load is fitted to. */
export interface DecodeTarget {
  width: number;
  height: number;
  aspect: AspectPolicy;
}

/** A reusable drawing surface of the target's size, one per decode worker and chunk. */
export function createSurface(target: DecodeTarget): OffscreenCanvasRenderingContext2D {
  const canvas = new OffscreenCanvas(target.width, target.height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('This browser cannot draw images off screen (OffscreenCanvas).');
  return context;
}

/**
 * Decodes one image file (its first frame for a GIF), fits it into the target as the aspect
 * policy says, and writes its RGB pixels at `offset` in `out`.
 *
 * Runs in a decode worker: createImageBitmap and OffscreenCanvas exist only in the browser.
 * Transparent parts and the letterbox bars come out black.
 *
 * @returns true when the image is gray (R = G = B in every pixel).
 * @throws whatever the browser throws when it cannot decode the file.
 */
export async function decodeImage(
  file: Blob,
  target: DecodeTarget,
  surface: OffscreenCanvasRenderingContext2D,
  out: Uint8Array,
  offset: number,
): Promise<boolean> {
  const { width, height, aspect } = target;
  // The size comes from the decoded bitmap rather than the file header because a photo's EXIF
  // orientation may turn it a quarter: createImageBitmap applies it, the header does not.
  const full = await createImageBitmap(file);
  let fitted: ImageBitmap;
  try {
    const rect = fitRect(full.width, full.height, width, height, aspect);
    fitted = await createImageBitmap(full, rect.sx, rect.sy, rect.sw, rect.sh, {
      resizeWidth: rect.dw,
      resizeHeight: rect.dh,
      resizeQuality: 'medium',
    });
    surface.fillStyle = '#000';
    surface.fillRect(0, 0, width, height);
    surface.drawImage(fitted, rect.dx, rect.dy);
  } finally {
    // Full-size bitmaps hold megabytes outside the JS heap: free each one as soon as it is used.
    full.close();
  }
  fitted.close();
  return packRgb(surface.getImageData(0, 0, width, height).data, out, offset);
}

/**
 * Copies the RGB bytes of RGBA pixels into `out` from `offset` (alpha is dropped).
 *
 * @returns true when every pixel is gray (R = G = B).
 */
export function packRgb(rgba: Uint8ClampedArray, out: Uint8Array, offset: number): boolean {
  let gray = true;
  let at = offset;
  for (let i = 0; i < rgba.length; i += 4) {
    const r = rgba[i]!;
    const g = rgba[i + 1]!;
    const b = rgba[i + 2]!;
    out[at] = r;
    out[at + 1] = g;
    out[at + 2] = b;
    at += 3;
    if (r !== g || g !== b) gray = false;
  }
  return gray;
}
