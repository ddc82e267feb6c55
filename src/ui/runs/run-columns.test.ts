import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../shared/run-record';
import { DEFAULT_SETTINGS } from '../../shared/train-settings';
import { formatDuration, runStatus, settingsSummary, sortRuns } from './run-columns';

const run = (number: number, accuracy?: number, params = 100): RunRecord => ({
  id: `run-${number}`,
  number,
  startedAt: 0,
  durationMs: number * 1000,
  spec: { nodes: [], edges: [] },
  settings: DEFAULT_SETTINGS,
  dataset: { name: 'digits', fingerprint: 'f', classNames: ['a', 'b'] },
  params,
  points: [],
  marks: [],
  outcome: accuracy === undefined ? 'stopped' : 'completed',
  message: '',
  ...(accuracy !== undefined && { test: { loss: 1 - accuracy, accuracy } }),
});

describe('the runs table', () => {
  it('says how a run ended when it did not complete, and where an interrupted one was cut', () => {
    expect(runStatus(run(1, 0.9))).toBeNull();
    expect(runStatus(run(2))).toBe('stopped');
    const points = [
      { series: 'validation' as const, step: 20, epoch: 1, loss: 0.5, accuracy: 0.8 },
      { series: 'train' as const, step: 30, epoch: 2, loss: 0.4, accuracy: 0.85 },
    ];
    expect(runStatus({ ...run(3), outcome: 'interrupted', points })).toBe('interrupted at epoch 2');
  });

  const runs = [run(1, 0.9), run(2), run(3, 0.95, 50), run(4, 0.9, 200)];
  const order = (key: Parameters<typeof sortRuns>[1], descending: boolean) =>
    sortRuns(runs, key, descending).map((r) => r.number);

  it('sorts by accuracy either way, runs without a score last and ties in run order', () => {
    expect(order('accuracy', true)).toEqual([3, 1, 4, 2]);
    expect(order('accuracy', false)).toEqual([1, 4, 3, 2]);
  });

  it('sorts by parameters and by time', () => {
    expect(order('params', false)).toEqual([3, 1, 2, 4]);
    expect(order('time', true)).toEqual([4, 3, 2, 1]);
  });

  it('says settings and durations in words', () => {
    expect(settingsSummary(run(1, 0.9))).toBe('Adam, lr 0.002, batch 64, 2 epochs');
    expect(formatDuration(5400)).toBe('5.4 s');
    expect(formatDuration(83_400)).toBe('1 min 23 s');
  });
});
