import type { Rgba } from '../insights/pixels';
import { exampleToRgba } from '../insights/pixels';

/** `count` uint8 images of `shape`, side by side in one RGBA image, for a preview strip. */
export function stripOf(
  pixels: Uint8Array,
  shape: readonly [number, number, number],
  count: number,
): Rgba {
  const [height, width] = shape;
  const data = new Uint8ClampedArray(height * width * count * 4);
  for (let n = 0; n < count; n++) {
    const image = exampleToRgba(pixels, shape, n);
    for (let y = 0; y < height; y++) {
      const row = image.data.subarray(y * width * 4, (y + 1) * width * 4);
      data.set(row, (y * width * count + n * width) * 4);
    }
  }
  return { width: width * count, height, data };
}
