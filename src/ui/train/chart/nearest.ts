import type { ChartSeries, XY } from './types';

/** Index of the point whose x is nearest to `x` in points sorted by x; -1 when there are none. */
export function nearestIndex(points: readonly XY[], x: number): number {
  if (points.length === 0) return -1;
  let lo = 0;
  let hi = points.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((points[mid] as XY).x < x) lo = mid + 1;
    else hi = mid;
  }
  const before = points[lo - 1];
  return before && x - before.x <= (points[lo] as XY).x - x ? lo - 1 : lo;
}

/** One series' point nearest to where the pointer is. */
export interface ReadoutValue {
  name: string;
  color: string;
  point: XY;
}

/** What a hover shows: the nearest point's x, and each series' point nearest to it. */
export interface Readout {
  x: number;
  values: ReadoutValue[];
}

/**
 * The readout at data position `x`: the point nearest to it across all series sets the
 * step, and every series that has points reports its own point nearest to that step.
 */
export function readoutAt(series: readonly ChartSeries[], x: number): Readout | null {
  let best: XY | null = null;
  for (const { points } of series) {
    const point = points[nearestIndex(points, x)];
    if (point && (!best || Math.abs(point.x - x) < Math.abs(best.x - x))) best = point;
  }
  if (!best) return null;
  const step = best.x;
  const values: ReadoutValue[] = [];
  for (const { name, color, points } of series) {
    const point = points[nearestIndex(points, step)];
    if (point) values.push({ name, color, point });
  }
  return { x: step, values };
}
