import { describe, expect, it } from 'vitest';
import { areaResize, fitDrawing, toInputPixels, topK } from './preprocess';
import type { RgbaImage } from './preprocess';

/** A `width` × `height` RGBA image filled by `pixel(x, y)` → [r, g, b, a]. */
function makeImage(
  width: number,
  height: number,
  pixel: (x: number, y: number) => readonly [number, number, number, number],
): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) data.set(pixel(x, y), (y * width + x) * 4);
  return { data, width, height };
}

const at = (pixels: Uint8Array, width: number, x: number, y: number) => pixels[y * width + x];

describe('toInputPixels', () => {
  it('keeps an image already of the input size, as luma for one channel', () => {
    const image = makeImage(2, 1, (x) => (x === 0 ? [255, 0, 0, 255] : [0, 0, 255, 255]));
    expect(Array.from(toInputPixels(image, [1, 2, 1]))).toEqual([76, 29]); // 0.299·255, 0.114·255
  });

  it('area-averages when shrinking: each output pixel is the mean of the block it covers', () => {
    // 4×4 → 2×2; top-left block all white, top-right half white, bottom black.
    const image = makeImage(4, 4, (x, y) =>
      y < 2 && (x < 2 || x === 2) ? [255, 255, 255, 255] : [0, 0, 0, 255],
    );
    expect(Array.from(toInputPixels(image, [2, 2, 1]))).toEqual([255, 128, 0, 0]);
  });

  it('keeps colour channels-last for three-channel inputs', () => {
    const image = makeImage(2, 2, () => [10, 20, 30, 255]);
    expect(Array.from(toInputPixels(image, [1, 1, 3]))).toEqual([10, 20, 30]);
  });

  it('reads transparent pixels as black, the MNIST background', () => {
    const image = makeImage(1, 1, () => [255, 255, 255, 0]);
    expect(Array.from(toInputPixels(image, [1, 1, 1]))).toEqual([0]);
  });

  it('gives exactly height × width × channels bytes, stretching a non-square image', () => {
    const image = makeImage(30, 10, () => [200, 200, 200, 255]);
    const pixels = toInputPixels(image, [28, 28, 1]);
    expect(pixels).toHaveLength(28 * 28);
    expect(new Set(pixels)).toEqual(new Set([200]));
  });
});

describe('areaResize', () => {
  it('weights fractional overlaps when the scale is not an integer', () => {
    // 3 pixels → 2: the middle source pixel is split half and half.
    const out = areaResize(new Float32Array([0, 90, 180]), 3, 1, rect(3, 1), 2, 1);
    expect(Array.from(out)).toEqual([30, 150]);
  });
});

function rect(width: number, height: number) {
  return { x: 0, y: 0, width, height };
}

describe('fitDrawing', () => {
  it('leaves a blank pad blank', () => {
    const pixels = fitDrawing(
      makeImage(56, 56, () => [0, 0, 0, 255]),
      [28, 28, 1],
    );
    expect(pixels.every((v) => v === 0)).toBe(true);
  });

  it('scales a stroke in a corner so its longer side fills 20 of 28 pixels, centred', () => {
    // A 10×40 white bar near the top-left of a 280×280 pad.
    const pad = makeImage(280, 280, (x, y) =>
      x >= 5 && x < 15 && y >= 5 && y < 45 ? [255, 255, 255, 255] : [0, 0, 0, 255],
    );
    const pixels = fitDrawing(pad, [28, 28, 1]);
    const rows = new Set<number>();
    const cols = new Set<number>();
    for (let y = 0; y < 28; y++)
      for (let x = 0; x < 28; x++)
        if ((at(pixels, 28, x, y) ?? 0) > 0) {
          rows.add(y);
          cols.add(x);
        }
    expect(rows.size).toBe(20);
    expect(cols.size).toBe(5);
    expect(Math.min(...rows)).toBe(4);
    expect(Math.max(...rows)).toBe(23);
    expect(Math.min(...cols) + Math.max(...cols)).toBeGreaterThanOrEqual(26);
    expect(Math.min(...cols) + Math.max(...cols)).toBeLessThanOrEqual(28);
    expect(at(pixels, 28, 14, 14)).toBe(255);
  });
});

describe('topK', () => {
  it('lists the most probable classes first, by name, at most k of them', () => {
    expect(topK([0.1, 0.6, 0.3], ['cat', 'dog', 'fox'], 2)).toEqual([
      { classIndex: 1, name: 'dog', p: 0.6 },
      { classIndex: 2, name: 'fox', p: 0.3 },
    ]);
    expect(topK([0.5, 0.5], ['a', 'b'], 5)).toHaveLength(2);
  });
});
