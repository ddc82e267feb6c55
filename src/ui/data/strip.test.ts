import { describe, expect, it } from 'vitest';
import { stripOf } from './strip';

describe('a strip of example images', () => {
  it('puts the images side by side, gray drawn as equal RGB', () => {
    // Two 1×2 gray images: [10, 20] and [30, 40].
    const strip = stripOf(new Uint8Array([10, 20, 30, 40]), [1, 2, 1], 2);
    expect(strip.width).toBe(4);
    expect(strip.height).toBe(1);
    expect([...strip.data]).toEqual([
      10, 10, 10, 255, 20, 20, 20, 255, 30, 30, 30, 255, 40, 40, 40, 255,
    ]);
  });

  it('keeps rows apart in a two-row colour image', () => {
    // Two 2×1 colour images; the second image's lower pixel is pure blue.
    const pixels = new Uint8Array([1, 1, 1, 2, 2, 2, 3, 3, 3, 0, 0, 255]);
    const strip = stripOf(pixels, [2, 1, 3], 2);
    expect(strip.width).toBe(2);
    expect([...strip.data.subarray(12, 16)]).toEqual([0, 0, 255, 255]);
    expect([...strip.data.subarray(4, 8)]).toEqual([3, 3, 3, 255]);
  });
});
