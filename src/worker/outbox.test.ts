import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MetricPoint, Progress, WorkerEvent } from '../shared/protocol';
import { Outbox } from './outbox';

const point = (step: number): MetricPoint => ({
  series: 'train',
  step,
  epoch: 1,
  loss: 1 / step,
  accuracy: 0.5,
});
const progress = (step: number): Progress => ({
  epoch: 1,
  epochs: 1,
  batch: step,
  batchesPerEpoch: 100,
  step,
  examplesPerSec: 100,
});

describe('Outbox', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends a bounded number of messages however many metrics arrive', () => {
    const sent: WorkerEvent[] = [];
    const outbox = new Outbox((e) => sent.push(e), 100);
    for (let step = 1; step <= 1000; step++) {
      outbox.post({ type: 'metrics', points: [point(step)] });
      outbox.post({ type: 'progress', progress: progress(step) });
      vi.advanceTimersByTime(1); // 1,000 steps in one second
    }
    vi.advanceTimersByTime(100);
    expect(sent.length).toBeLessThanOrEqual(2 * 11);
    const points = sent.flatMap((e) => (e.type === 'metrics' ? e.points : []));
    expect(points.map((p) => p.step)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    const last = sent.filter((e) => e.type === 'progress').at(-1);
    expect(last).toEqual({ type: 'progress', progress: progress(1000) });
  });

  it('flushes pending metrics before any other event, keeping order', () => {
    const sent: WorkerEvent[] = [];
    const outbox = new Outbox((e) => sent.push(e), 100);
    outbox.post({ type: 'metrics', points: [point(1)] });
    outbox.post({ type: 'runEnd', outcome: 'completed', message: 'done' });
    expect(sent.map((e) => e.type)).toEqual(['metrics', 'runEnd']);
    vi.advanceTimersByTime(200);
    expect(sent).toHaveLength(2);
  });
});
