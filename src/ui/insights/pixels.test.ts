import { describe, expect, it } from 'vitest';
import { cellIndices, firstOfClasses, argmax } from './confusion-cells';
import {
  cellColour,
  channelAtlas,
  channelToRgba,
  exampleToRgba,
  filterToRgba,
  heatColor,
  overlayHeat,
  tileOrigin,
  valuesToStrip,
} from './pixels';

const pixel = (data: Uint8ClampedArray, p: number) => [...data.slice(p * 4, p * 4 + 4)];

describe('pixel math', () => {
  it('copies grayscale into RGB and keeps RGB, picking the n-th image of a batch', () => {
    const gray = exampleToRgba(new Uint8Array([1, 2, 3, 4, 9, 8, 7, 6]), [2, 2, 1], 1);
    expect(gray.width).toBe(2);
    expect(pixel(gray.data, 0)).toEqual([9, 9, 9, 255]);
    expect(pixel(gray.data, 3)).toEqual([6, 6, 6, 255]);
    const rgb = exampleToRgba(new Uint8Array([10, 20, 30]), [1, 1, 3]);
    expect(pixel(rgb.data, 0)).toEqual([10, 20, 30, 255]);
  });

  it('normalises each channel min–max on its own', () => {
    // 2×1 pixels, 2 channels: channel 0 = [1, 3], channel 1 = [-10, 10].
    const a = { data: new Float32Array([1, -10, 3, 10]), height: 1, width: 2, channels: 2 };
    const c0 = channelToRgba(a, 0);
    const c1 = channelToRgba(a, 1);
    expect(pixel(c0.data, 0)).toEqual([0, 0, 0, 255]);
    expect(pixel(c0.data, 1)).toEqual([255, 255, 255, 255]);
    expect(pixel(c1.data, 0)[0]).toBe(0);
    expect(pixel(c1.data, 1)[0]).toBe(255);
  });

  it('draws a constant channel black instead of dividing by zero', () => {
    const a = { data: new Float32Array([5, 5, 5, 5]), height: 2, width: 2, channels: 1 };
    const flat = channelToRgba(a, 0);
    expect([...flat.data].filter((_, i) => i % 4 !== 3).every((v) => v === 0)).toBe(true);
  });

  it('draws every channel into one image, in rows, with transparent gaps', () => {
    // 2×1 pixels, 3 channels: channel k is [k, k + 1], so each draws as [0, 255].
    const a = { data: new Float32Array([0, 1, 2, 1, 2, 3]), height: 1, width: 2, channels: 3 };
    const atlas = channelAtlas(a, 2, 1);
    // Two columns of 2 pixels with one between; two rows of 1 pixel with one between.
    expect([atlas.width, atlas.height]).toEqual([5, 3]);
    const at = (x: number, y: number) => pixel(atlas.data, y * atlas.width + x);
    expect(at(0, 0)).toEqual([0, 0, 0, 255]);
    expect(at(1, 0)).toEqual([255, 255, 255, 255]);
    expect(at(2, 0)).toEqual([0, 0, 0, 0]);
    expect(at(3, 0)).toEqual([0, 0, 0, 255]);
    expect(at(4, 0)).toEqual([255, 255, 255, 255]);
    expect(at(0, 1)).toEqual([0, 0, 0, 0]);
    expect(at(1, 2)).toEqual([255, 255, 255, 255]);
    expect(at(3, 2)).toEqual([0, 0, 0, 0]);
    expect(tileOrigin(2, 2, 2, 1, 1)).toEqual([0, 2]);
  });

  it('draws each tile as the channel would look on its own', () => {
    // 2×3 pixels, 4 channels of values that differ by channel and position.
    const data = Float32Array.from({ length: 2 * 3 * 4 }, (_, i) => Math.sin(i * 1.7) * (i % 4));
    const a = { data, height: 2, width: 3, channels: 4 };
    const atlas = channelAtlas(a, 3, 2);
    for (let k = 0; k < 4; k++) {
      const alone = channelToRgba(a, k);
      const [x, y] = tileOrigin(k, 3, 3, 2, 2);
      for (let row = 0; row < 2; row++) {
        const from = ((y + row) * atlas.width + x) * 4;
        expect([...atlas.data.slice(from, from + 12)]).toEqual([
          ...alone.data.slice(row * 12, (row + 1) * 12),
        ]);
      }
    }
  });

  it('puts fewer channels than columns in one row, and nothing in an empty atlas', () => {
    const two = { data: new Float32Array([1, 2]), height: 1, width: 1, channels: 2 };
    expect(channelAtlas(two, 8, 1)).toMatchObject({ width: 3, height: 1 });
    const none = { data: new Float32Array(0), height: 4, width: 4, channels: 0 };
    expect(channelAtlas(none, 4, 1)).toMatchObject({ width: 0, height: 0 });
  });

  it('draws dense units as a strip from 0 to 255', () => {
    const strip = valuesToStrip(new Float32Array([0, 0.5, 1]));
    expect(strip.width).toBe(3);
    expect([strip.data[0], strip.data[4], strip.data[8]]).toEqual([0, 128, 255]);
  });

  it('reads a filter out of a [kh, kw, in, filters] kernel', () => {
    // 1×2 kernel, 1 input channel, 2 filters: filter 1 has weights [-1, 1].
    const kernel = new Float32Array([0.3, -1, 0.3, 1]);
    const f = filterToRgba(kernel, [1, 2, 1, 2], 1);
    expect(f.width).toBe(2);
    expect(pixel(f.data, 0)).toEqual([0, 0, 0, 255]);
    expect(pixel(f.data, 1)).toEqual([255, 255, 255, 255]);
  });

  it('maps heat from blue through green to red, clamped', () => {
    expect(heatColor(0)).toEqual([0, 0, 255]);
    expect(heatColor(0.5)).toEqual([0, 255, 0]);
    expect(heatColor(1)).toEqual([255, 0, 0]);
    expect(heatColor(2)).toEqual([255, 0, 0]);
    expect(heatColor(Number.NaN)).toEqual([0, 0, 255]);
    expect(heatColor(0.125)).toEqual([0, 128, 255]);
  });

  it('blends the heat over the image by the opacity, upsampling a smaller map', () => {
    const base = exampleToRgba(new Uint8Array([100, 100, 100, 100]), [2, 2, 1]);
    const map = new Float32Array([1]); // 1×1 map covers all four pixels
    const half = overlayHeat(base, map, 1, 1, 0.5);
    expect(pixel(half.data, 3)).toEqual([178, 50, 50, 255]);
    expect(overlayHeat(base, map, 1, 1, 0).data).toEqual(base.data);
    expect(pixel(overlayHeat(base, map, 1, 1, 1).data, 0)).toEqual([255, 0, 0, 255]);
  });

  it('colours confusion cells from white to the accent', () => {
    expect(cellColour(0, 10)).toBe('rgb(255, 255, 255)');
    expect(cellColour(10, 10)).toBe('rgb(42, 91, 215)');
    expect(cellColour(0, 0)).toBe('rgb(255, 255, 255)');
  });
});

describe('confusion-matrix helpers', () => {
  const labels = new Uint8Array([0, 1, 1, 2, 0, 2]);
  const predicted = new Uint8Array([0, 2, 1, 2, 1, 2]);

  it('finds exactly the examples of one cell', () => {
    expect(cellIndices(labels, predicted, 1, 2)).toEqual([1]);
    expect(cellIndices(labels, predicted, 2, 2)).toEqual([3, 5]);
    expect(cellIndices(labels, predicted, 2, 0)).toEqual([]);
  });

  it('picks the first example of each class in class order', () => {
    expect(firstOfClasses(new Uint8Array([2, 0, 2, 1, 0]), 2)).toEqual([1, 3]);
  });

  it('finds the most probable class', () => {
    expect(argmax([0.1, 0.7, 0.2])).toEqual([1, 0.7]);
    expect(argmax([])).toEqual([-1, 0]);
  });
});
