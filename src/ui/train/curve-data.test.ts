import { describe, expect, it } from 'vitest';
import type { MetricPoint } from '../../shared/protocol';
import { chartOf, curveOf } from './curve-data';

const point = (series: 'train' | 'validation', step: number, loss: number): MetricPoint => ({
  series,
  step,
  epoch: 1,
  loss,
  accuracy: 0.5,
  ...(series === 'train' ? { learningRate: 0.01 } : {}),
});

describe('curve data', () => {
  it('separates train and validation points by step and drops non-finite values', () => {
    const points: MetricPoint[] = [
      point('train', 10, 0.9),
      point('train', 20, Number.NaN),
      point('validation', 20, 0.7),
    ];
    expect(curveOf(points, 'loss')).toEqual({
      train: [{ x: 10, y: 0.9 }],
      validation: [{ x: 20, y: 0.7 }],
    });
  });
});

describe('chartOf', () => {
  const names = (data: ReturnType<typeof chartOf>) => data.series.map((s) => s.name);

  it('overlays the previous run in paler colours after this run’s curves', () => {
    const chart = chartOf(
      [point('train', 10, 1)],
      [point('train', 10, 2), point('validation', 10, 1.5)],
      'loss',
    );
    expect(names(chart)).toEqual(['train', 'validation', 'previous train', 'previous validation']);
    expect(chart.series[2]?.points).toEqual([{ x: 10, y: 2 }]);
    expect(chart.series[2]?.color).not.toBe(chart.series[0]?.color);
    expect(chart.series.map((s) => s.dots ?? false)).toEqual([false, true, false, true]);
  });

  it('lists this run’s series before any point, for the legend', () => {
    const chart = chartOf([], [], 'accuracy');
    expect(names(chart)).toEqual(['train', 'validation']);
    expect(chart.series.every((s) => s.points.length === 0)).toBe(true);
    expect(chart.yDomain).toEqual([0, 1]);
  });

  it('fits the loss to its data and labels the axes', () => {
    const chart = chartOf([point('train', 10, 1)], [], 'loss');
    expect(chart.yDomain).toBeUndefined();
    expect([chart.xLabel, chart.yLabel]).toEqual(['step', 'loss']);
  });

  it('plots the learning rate of the training points only', () => {
    const chart = chartOf([point('train', 10, 1), point('validation', 10, 1)], [], 'learningRate');
    expect(names(chart)).toEqual(['train']);
    expect(chart.series[0]?.points).toEqual([{ x: 10, y: 0.01 }]);
  });
});
