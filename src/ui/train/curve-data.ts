import type { MetricPoint } from '../../shared/protocol';

export interface XY {
  x: number;
  y: number;
}

export interface CurveSeries {
  train: XY[];
  validation: XY[];
}

/** Keeps every `stride`-th point (and the last), so redraw cost stays flat as a run grows. */
export function thin(points: XY[], limit: number): XY[] {
  if (points.length <= limit) return points;
  const stride = Math.ceil(points.length / limit);
  const kept = points.filter((_, i) => i % stride === 0);
  const last = points[points.length - 1];
  if (last && kept[kept.length - 1] !== last) kept.push(last);
  return kept;
}

/** Splits metric points into train and validation series of one measure, by global step. */
export function curveOf(
  points: readonly MetricPoint[],
  measure: 'loss' | 'accuracy',
  limit = 300,
): CurveSeries {
  const series: CurveSeries = { train: [], validation: [] };
  for (const point of points) {
    const value = point[measure];
    if (Number.isFinite(value)) series[point.series].push({ x: point.step, y: value });
  }
  return { train: thin(series.train, limit), validation: series.validation };
}
