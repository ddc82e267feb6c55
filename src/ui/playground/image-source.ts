import type { RgbaImage } from './preprocess';

/** The RGBA bytes of a drawable (bitmap, video frame, canvas) at `width` × `height`. */
export function rgbaOf(
  source: CanvasImageSource,
  width: number,
  height: number,
  crop?: { x: number; y: number; width: number; height: number },
  mirrored = false,
): RgbaImage {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('This browser cannot draw to a canvas.');
  if (mirrored) {
    context.translate(width, 0);
    context.scale(-1, 1);
  }
  if (crop) context.drawImage(source, crop.x, crop.y, crop.width, crop.height, 0, 0, width, height);
  else context.drawImage(source, 0, 0, width, height);
  return context.getImageData(0, 0, width, height);
}

/** Largest side kept when reading a dropped image; area averaging then shrinks it further. */
const MAX_SIDE = 512;

/**
 * Decodes an image file into RGBA bytes (at most 512 pixels a side). Rejects with a sentence a
 * person can act on when the file is not an image or cannot be decoded.
 */
export async function decodeImageFile(file: File): Promise<RgbaImage> {
  if (file.type && !file.type.startsWith('image/'))
    throw new Error(
      `“${file.name}” is not an image (${file.type}). Drop a PNG, JPEG, GIF, WebP or BMP file.`,
    );
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new Error(
      `“${file.name || 'The pasted file'}” could not be read as an image. It may be damaged or in a format this browser cannot decode; try a PNG or JPEG.`,
    );
  }
  try {
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    return rgbaOf(
      bitmap,
      Math.max(1, Math.round(bitmap.width * scale)),
      Math.max(1, Math.round(bitmap.height * scale)),
    );
  } finally {
    bitmap.close();
  }
}
