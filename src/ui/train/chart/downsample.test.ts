import { describe, expect, it } from 'vitest';
import { downsample } from './downsample';
import type { XY } from './types';

const wave = (n: number): XY[] => Array.from({ length: n }, (_, i) => ({ x: i, y: Math.sin(i) }));

describe('downsampling a series to pixel columns', () => {
  it('keeps at most two points per column, plus the ends', () => {
    const points = wave(10_000);
    const kept = downsample(points, { domain: [0, 9_999], range: [0, 100] });
    expect(kept.length).toBeLessThanOrEqual(2 * 101 + 2);
    expect(kept[0]).toBe(points[0]);
    expect(kept.at(-1)).toBe(points.at(-1));
  });

  it('keeps the lowest and highest value of every column, in step order', () => {
    const points = [
      { x: 0, y: 1 },
      { x: 1, y: 5 },
      { x: 2, y: -3 },
      { x: 3, y: 2 },
      { x: 10, y: 0 },
    ];
    // Steps 0–3 share column 0, step 10 is alone in column 2; the first point is kept too.
    const kept = downsample(points, { domain: [0, 10], range: [0, 2.5] });
    expect(kept).toEqual([
      { x: 0, y: 1 },
      { x: 1, y: 5 },
      { x: 2, y: -3 },
      { x: 10, y: 0 },
    ]);
    expect(kept.map((p) => p.x)).toEqual([...kept.map((p) => p.x)].sort((a, b) => a - b));
  });

  it('keeps a spike that thinning by stride would lose', () => {
    const points = wave(5_000).map((p) => ({ x: p.x, y: 0 }));
    points[2_345] = { x: 2_345, y: 42 };
    const kept = downsample(points, { domain: [0, 4_999], range: [0, 50] });
    expect(kept.some((p) => p.y === 42)).toBe(true);
  });

  it('leaves a series with fewer points than columns as it is', () => {
    const points = wave(20);
    expect(downsample(points, { domain: [0, 19], range: [0, 400] })).toEqual(points);
    expect(downsample([], { domain: [0, 1], range: [0, 400] })).toEqual([]);
  });
});
