import { describe, expect, it } from 'vitest';
import { histogram } from './histogram';

describe('histogram', () => {
  it('puts values into equal-width bins, the maximum into the last', () => {
    expect(histogram([0, 0.1, 0.5, 0.9, 1], 2)).toEqual({ min: 0, max: 1, counts: [2, 3] });
  });

  it('counts every finite value once with 30 bins by default', () => {
    const values = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i));
    const { counts } = histogram(values);
    expect(counts).toHaveLength(30);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1000);
  });

  it('handles constant and empty inputs', () => {
    expect(histogram([2, 2], 3)).toEqual({ min: 2, max: 2, counts: [2, 0, 0] });
    expect(histogram([Number.NaN], 2)).toEqual({ min: 0, max: 0, counts: [0, 0] });
  });
});
