import { describe, expect, it } from 'vitest';
import { histogram } from '../../shared/histogram';
import { histogramBars } from './histogram-bars';

describe('histogramBars', () => {
  it('gives every bin a bar with its count, the tallest reaching the top', () => {
    const bars = histogramBars({ min: 0, max: 1, counts: [2, 4, 0, 1] }, 100, 50);
    expect(bars.map((b) => b.count)).toEqual([2, 4, 0, 1]);
    expect(bars.map((b) => b.x)).toEqual([0, 25, 50, 75]);
    expect(bars.map((b) => b.width)).toEqual([25, 25, 25, 25]);
    expect(bars.map((b) => b.height)).toEqual([25, 50, 0, 12.5]);
    expect(bars.map((b) => b.y + b.height)).toEqual([50, 50, 50, 50]);
  });

  it('says each bin’s range and count in words', () => {
    const bars = histogramBars({ min: -1, max: 1, counts: [3, 5] }, 100, 50);
    expect(bars.map((b) => b.label)).toEqual(['-1 to 0: 3', '0 to 1: 5']);
  });

  it('keeps the counts of a computed histogram, and draws nothing tall for empty ones', () => {
    const values = Float32Array.from({ length: 500 }, (_, i) => Math.cos(i));
    const bars = histogramBars(histogram(values), 260, 120);
    expect(bars).toHaveLength(30);
    expect(bars.reduce((n, b) => n + b.count, 0)).toBe(500);
    expect(histogramBars(histogram([]), 260, 120).every((b) => b.height === 0)).toBe(true);
  });
});
