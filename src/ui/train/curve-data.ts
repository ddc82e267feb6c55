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

export type Measure = 'loss' | 'accuracy' | 'learningRate';

/** Splits metric points into train and validation series of one measure, by global step. */
export function curveOf(
  points: readonly MetricPoint[],
  measure: Measure,
  limit = 300,
): CurveSeries {
  const series: CurveSeries = { train: [], validation: [] };
  for (const point of points) {
    const value = point[measure];
    if (value !== undefined && Number.isFinite(value)) {
      series[point.series].push({ x: point.step, y: value });
    }
  }
  return { train: thin(series.train, limit), validation: series.validation };
}

/** What one chart draws: named series with their colours, empty ones left out. */
export interface Chart {
  names: string[];
  values: XY[][];
  colors: string[];
}

const COLORS = {
  train: '#2a5bd7',
  validation: '#e8710a',
  'previous train': '#9fb3e3',
  'previous validation': '#f2c29b',
};

/**
 * The series of one chart: this run's train and validation curves, and the previous run's in
 * paler colours for comparison. `train` is always present so the axes can be drawn.
 */
export function chartOf(
  current: readonly MetricPoint[],
  previous: readonly MetricPoint[],
  measure: Measure,
): Chart {
  const now = curveOf(current, measure);
  const before = curveOf(previous, measure);
  const all: [keyof typeof COLORS, XY[]][] = [
    ['train', now.train],
    ['validation', now.validation],
    ['previous train', before.train],
    ['previous validation', before.validation],
  ];
  const kept = all.filter(([name, xy]) => name === 'train' || xy.length > 0);
  return {
    names: kept.map(([name]) => name),
    values: kept.map(([, xy]) => xy),
    colors: kept.map(([name]) => COLORS[name]),
  };
}
