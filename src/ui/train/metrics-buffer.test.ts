import { describe, expect, it } from 'vitest';
import type { MetricPoint } from '../../shared/protocol';
import { MetricsBuffer } from './metrics-buffer';

const point = (step: number): MetricPoint => ({
  series: 'train',
  step,
  epoch: 1 + Math.floor(step / 10),
  loss: 1 / step,
  accuracy: 0.5,
});

describe('MetricsBuffer', () => {
  it('drops what a run made after the checkpoint it resumed from, and keeps the rest', () => {
    const buffer = new MetricsBuffer();
    buffer.append([10, 20, 25].map(point));
    buffer.mark({ kind: 'learningRate', step: 5, epoch: 1, label: 'learning rate set to 0.1' });
    buffer.mark({ kind: 'learningRate', step: 22, epoch: 3, label: 'learning rate set to 0.2' });
    buffer.mark({
      kind: 'resumed',
      step: 20,
      epoch: 2,
      label: 'WebGL lost: resumed from epoch 2 on CPU',
    });
    expect(buffer.all().map((p) => p.step)).toEqual([10, 20]);
    expect(buffer.marks().map((m) => m.step)).toEqual([5, 20]);
    buffer.append([point(30)]);
    expect(buffer.all().map((p) => p.step)).toEqual([10, 20, 30]);
  });

  it('keeps every point at other marks', () => {
    const buffer = new MetricsBuffer();
    buffer.append([10, 20].map(point));
    buffer.mark({ kind: 'best', step: 10, epoch: 1, label: 'best epoch 1' });
    expect(buffer.all()).toHaveLength(2);
  });
});
