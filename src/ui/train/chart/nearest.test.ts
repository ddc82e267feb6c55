import { describe, expect, it } from 'vitest';
import { nearestIndex, readoutAt } from './nearest';
import type { ChartSeries } from './types';

const xs = (...values: number[]) => values.map((x) => ({ x, y: x / 100 }));

describe('the point nearest to the pointer', () => {
  it('finds the nearest step on either side', () => {
    const points = xs(10, 20, 30, 40);
    expect(nearestIndex(points, 0)).toBe(0);
    expect(nearestIndex(points, 24)).toBe(1);
    expect(nearestIndex(points, 26)).toBe(2);
    expect(nearestIndex(points, 99)).toBe(3);
    expect(nearestIndex([], 5)).toBe(-1);
  });

  it('reads every series at the step nearest to the pointer', () => {
    const series: ChartSeries[] = [
      { name: 'train', color: 'blue', points: xs(10, 20, 30, 40) },
      { name: 'validation', color: 'orange', points: xs(25), dots: true },
      { name: 'previous train', color: 'grey', points: [] },
    ];
    const readout = readoutAt(series, 29);
    expect(readout?.x).toBe(30);
    expect(readout?.values.map((v) => [v.name, v.point.x])).toEqual([
      ['train', 30],
      ['validation', 25],
    ]);
    expect(readoutAt(series, 25.5)?.x).toBe(25);
  });

  it('has nothing to read before the first point', () => {
    expect(readoutAt([{ name: 'train', color: 'blue', points: [] }], 3)).toBeNull();
  });
});
