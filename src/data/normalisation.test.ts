import { describe, it, expect } from 'vitest';
import { channelStats, normaliseParams } from './normalisation';

/** Two 1×2 RGB examples: pixels listed as [r, g, b] per pixel. */
function makePixels(examples: number[][][]): Uint8Array {
  return Uint8Array.from(examples.flat(2));
}

describe('channelStats', () => {
  const pixels = makePixels([
    [
      [0, 10, 100],
      [10, 10, 100],
    ],
    [
      [20, 10, 200],
      [30, 10, 200],
    ],
  ]);

  it('gives each channel its mean and population std over the chosen examples', () => {
    const stats = channelStats(pixels, [1, 2, 3], [0, 1]);
    expect(stats.mean).toEqual([15, 10, 150]);
    expect(stats.std[0]).toBeCloseTo(Math.sqrt(125), 10);
    // A constant channel gets the floor of 1, not 0.
    expect(stats.std[1]).toBe(1);
    expect(stats.std[2]).toBeCloseTo(50, 10);
  });

  it('uses only the given examples', () => {
    const stats = channelStats(pixels, [1, 2, 3], [1]);
    expect(stats.mean).toEqual([25, 10, 200]);
    expect(stats.std[0]).toBeCloseTo(5, 10);
  });

  it('gives mean 0 and std 1 without examples', () => {
    expect(channelStats(pixels, [1, 2, 3], [])).toEqual({ mean: [0, 0, 0], std: [1, 1, 1] });
  });

  it('handles grayscale', () => {
    const gray = Uint8Array.from([0, 255, 0, 255]);
    const stats = channelStats(gray, [2, 2, 1], new Uint32Array([0]));
    expect(stats.mean).toEqual([127.5]);
    expect(stats.std[0]).toBeCloseTo(127.5, 10);
  });

  it('refuses an example index beyond the data', () => {
    expect(() => channelStats(pixels, [1, 2, 3], [2])).toThrow(/beyond/);
  });
});

describe('normaliseParams', () => {
  const stats = { mean: [100, 50], std: [20, 0.5] };
  const apply = (pixel: number, params: { scale: number[]; offset: number[] }, c: number) =>
    pixel * params.scale[c]! + params.offset[c]!;

  it('maps 0–255 to [0, 1] for unit', () => {
    const params = normaliseParams('unit', stats, 2);
    expect(apply(0, params, 1)).toBe(0);
    expect(apply(255, params, 1)).toBeCloseTo(1, 12);
  });

  it('maps 0–255 to [-1, 1] for symmetric', () => {
    const params = normaliseParams('symmetric', stats, 3);
    expect(params.scale).toHaveLength(3);
    expect(apply(0, params, 2)).toBe(-1);
    expect(apply(255, params, 2)).toBeCloseTo(1, 12);
  });

  it('subtracts the mean and divides by the std for standardise, never by less than 1', () => {
    const params = normaliseParams('standardise', stats, 2);
    expect(apply(100, params, 0)).toBeCloseTo(0, 12);
    expect(apply(120, params, 0)).toBeCloseTo(1, 12);
    expect(apply(51, params, 1)).toBeCloseTo(1, 12);
  });

  it('standardises the train split to mean 0 and std 1', () => {
    const pixels = Uint8Array.from([3, 9, 27, 81, 200, 1]);
    const train = channelStats(pixels, [1, 1, 1], [0, 1, 2, 3, 4, 5]);
    const params = normaliseParams('standardise', train, 1);
    const inputs = [...pixels].map((p) => apply(p, params, 0));
    const mean = inputs.reduce((a, b) => a + b, 0) / inputs.length;
    const variance = inputs.reduce((a, b) => a + (b - mean) ** 2, 0) / inputs.length;
    expect(mean).toBeCloseTo(0, 10);
    expect(variance).toBeCloseTo(1, 10);
  });

  it('refuses statistics for another number of channels', () => {
    expect(() => normaliseParams('standardise', stats, 3)).toThrow(/2 channels .* 3/);
  });
});
