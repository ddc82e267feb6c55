import { describe, expect, it } from 'vitest';
import type { MetricPoint } from '../../shared/protocol';
import { curveOf, thin } from './curve-data';

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
