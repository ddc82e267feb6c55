import type { MetricPoint, RunMark } from '../../shared/protocol';
import type { ChartData, ChartMark, ChartSeries, XY } from './chart/types';

export interface CurveSeries {
  train: XY[];
  validation: XY[];
}

export type Measure = 'loss' | 'accuracy' | 'learningRate';

/** Splits metric points into train and validation series of one measure, by global step. */
export function curveOf(points: readonly MetricPoint[], measure: Measure): CurveSeries {
  const series: CurveSeries = { train: [], validation: [] };
  for (const point of points) {
    const value = point[measure];
    if (value !== undefined && Number.isFinite(value)) {
      series[point.series].push({ x: point.step, y: value });
    }
  }
  return series;
}

const COLORS = {
  train: '#2a5bd7',
  validation: '#e8710a',
  previousTrain: '#9fb3e3',
  previousValidation: '#f2c29b',
};

const MARK_COLORS: Record<RunMark['kind'], string> = {
  learningRate: '#7b4bc4',
  best: '#1a8a4a',
  stopped: '#c0392b',
  fold: '#5f6b7a',
  resumed: '#b7651d',
};

/** The run's marks as the chart draws them. */
export function chartMarks(marks: readonly RunMark[]): ChartMark[] {
  return marks.map(({ kind, step, label }) => ({ x: step, label, color: MARK_COLORS[kind] }));
}

const Y_LABELS: Record<Measure, string> = {
  loss: 'loss',
  accuracy: 'accuracy',
  learningRate: 'learning rate',
};

/**
 * One chart's data: this run's train curve (a point per readback) and validation points
 * (one per epoch), and the previous run's in paler colours for comparison. This run's
 * series are always listed, so the legend explains the colours before the first point; the
 * previous run's only when there was one. Accuracy always spans 0–1.
 */
export function chartOf(
  current: readonly MetricPoint[],
  previous: readonly MetricPoint[],
  measure: Measure,
  marks: readonly RunMark[] = [],
): ChartData {
  const now = curveOf(current, measure);
  const before = curveOf(previous, measure);
  const series: ChartSeries[] = [{ name: 'train', color: COLORS.train, points: now.train }];
  if (measure !== 'learningRate')
    series.push({
      name: 'validation',
      color: COLORS.validation,
      points: now.validation,
      dots: true,
    });
  if (before.train.length > 0)
    series.push({ name: 'previous train', color: COLORS.previousTrain, points: before.train });
  if (before.validation.length > 0)
    series.push({
      name: 'previous validation',
      color: COLORS.previousValidation,
      points: before.validation,
      dots: true,
    });
  return {
    series,
    marks: chartMarks(marks),
    xLabel: 'step',
    yLabel: Y_LABELS[measure],
    ...(measure === 'accuracy' ? { yDomain: [0, 1] as const } : {}),
  };
}
