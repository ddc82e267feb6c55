import { describe, expect, it } from 'vitest';
import type { MetricPoint } from '../../shared/protocol';
import { chartOf, curveOf, thin } from './curve-data';

const train = (step: number, loss: number): MetricPoint => ({
  series: 'train',
  step,
  epoch: 1,
  loss,
  accuracy: 1 - loss,
});

describe('curve data', () => {
  it('separates train and validation points by step and drops non-finite values', () => {
    const points: MetricPoint[] = [
      train(10, 0.9),
      train(20, Number.NaN),
      { series: 'validation', step: 20, epoch: 1, loss: 0.7, accuracy: 0.8 },
    ];
    expect(curveOf(points, 'loss')).toEqual({
      train: [{ x: 10, y: 0.9 }],
      validation: [{ x: 20, y: 0.7 }],
    });
  });

  it('thins long series but keeps the first and last point', () => {
    const long = Array.from({ length: 1001 }, (_, i) => ({ x: i, y: i }));
    const kept = thin(long, 300);
    expect(kept.length).toBeLessThanOrEqual(301);
    expect(kept[0]).toEqual({ x: 0, y: 0 });
    expect(kept.at(-1)).toEqual({ x: 1000, y: 1000 });
    expect(thin(long.slice(0, 5), 300)).toHaveLength(5);
  });
});

describe('chartOf', () => {
  const point = (series: 'train' | 'validation', step: number, loss: number): MetricPoint => ({
    series,
    step,
    epoch: 1,
    loss,
    accuracy: 0.5,
    ...(series === 'train' ? { learningRate: 0.01 } : {}),
  });

  it('overlays the previous run in paler colours and leaves out empty series', () => {
    const chart = chartOf(
      [point('train', 10, 1)],
      [point('train', 10, 2), point('validation', 10, 1.5)],
      'loss',
    );
    expect(chart.names).toEqual(['train', 'previous train', 'previous validation']);
    expect(chart.values).toEqual([[{ x: 10, y: 1 }], [{ x: 10, y: 2 }], [{ x: 10, y: 1.5 }]]);
    expect(chart.colors).toHaveLength(3);
  });

  it('keeps an empty train series so the axes can be drawn before a run', () => {
    expect(chartOf([], [], 'accuracy')).toEqual({
      names: ['train'],
      values: [[]],
      colors: ['#2a5bd7'],
    });
  });

  it('plots the learning rate of the training points', () => {
    const chart = chartOf([point('train', 10, 1), point('validation', 10, 1)], [], 'learningRate');
    expect(chart.names).toEqual(['train']);
    expect(chart.values).toEqual([[{ x: 10, y: 0.01 }]]);
  });
});
