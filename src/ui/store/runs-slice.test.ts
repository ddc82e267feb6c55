import { beforeEach, describe, expect, it } from 'vitest';
import type { MetricPoint } from '../../shared/protocol';
import { metricsBuffer } from '../train/metrics-buffer';
import { useStudio } from './studio-store';

const MINUTE = 60_000;

const point = (step: number, epoch: number, time?: number): MetricPoint => ({
  series: 'train',
  step,
  epoch,
  loss: 0.5,
  accuracy: 0.8,
  ...(time !== undefined && { time }),
});

/** A run started at `startedAt`, cut in its second epoch and noticed at `cutAt`. */
function cutRun(startedAt: number, cutAt: number, points: MetricPoint[]): void {
  useStudio.getState().recordRunStart();
  const start = { ...useStudio.getState().runStart!, startedAt };
  metricsBuffer.replace(points, []);
  useStudio.setState({ runStart: null, interrupted: { run: { start }, at: null, cutAt } });
}

describe('filing a cut run as interrupted', () => {
  beforeEach(() => useStudio.setState({ runs: [], runStart: null, interrupted: null }));

  it('lasts until its last point, not until the cut was noticed hours later', () => {
    const startedAt = Date.UTC(2026, 0, 5, 9);
    const points = [point(10, 1, startedAt + 2 * MINUTE), point(30, 2, startedAt + 5 * MINUTE)];
    cutRun(startedAt, startedAt + 3 * 60 * MINUTE, points);
    useStudio.getState().fileInterrupted();
    const [filed] = useStudio.getState().runs;
    expect(filed).toMatchObject({
      outcome: 'interrupted',
      durationMs: 5 * MINUTE,
      message: 'Interrupted at epoch 2 of 2, and not resumed.',
    });
    expect(useStudio.getState().interrupted).toBeNull();
  });

  it('lasts until the cut was noticed when its points do not say when they were made', () => {
    const startedAt = Date.UTC(2026, 0, 5, 9);
    cutRun(startedAt, startedAt + 7 * MINUTE, [point(10, 1), point(30, 2)]);
    useStudio.getState().fileInterrupted();
    expect(useStudio.getState().runs[0]?.durationMs).toBe(7 * MINUTE);
  });
});
