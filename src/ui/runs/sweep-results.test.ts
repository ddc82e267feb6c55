import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../shared/run-record';
import { DEFAULT_SETTINGS } from '../../shared/train-settings';
import { sweepChart, sweepRuns } from './sweep-results';

const lr = { kind: 'setting', field: 'learningRate' } as const;
const units = { kind: 'layer', layerId: 'dense1', field: 'units' } as const;

function run(number: number, values: RunRecord['sweep'], accuracy: number, params = 100) {
  const record: RunRecord = {
    id: `run-${number}`,
    number,
    startedAt: 0,
    durationMs: 0,
    spec: { nodes: [], edges: [] },
    settings: DEFAULT_SETTINGS,
    dataset: { name: 'digits', fingerprint: 'f', classNames: [] },
    params,
    points: [],
    marks: [],
    outcome: 'completed',
    message: '',
    test: { loss: 1, accuracy },
    ...(values && { sweep: values }),
  };
  return record;
}

describe('sweep results', () => {
  it('plot test accuracy against the exponent of the learning rate, and against parameters', () => {
    const runs = [
      run(1, { id: 's', values: [{ target: lr, value: 0.01 }] }, 0.9, 500),
      run(2, { id: 's', values: [{ target: lr, value: 0.001 }] }, 0.8, 500),
      run(3, undefined, 0.5),
      run(4, { id: 'other', values: [{ target: lr, value: 0.1 }] }, 0.1),
    ];
    const mine = sweepRuns(runs, 's');
    expect(mine.map((r) => r.number)).toEqual([1, 2]);
    const chart = sweepChart(mine, 'value');
    expect(chart.xLabel).toBe('log10 learning rate');
    expect(chart.series).toHaveLength(1);
    const points = chart.series[0]!.points;
    expect(points.map((p) => [Math.round(p.x), p.y])).toEqual([
      [-3, 0.8],
      [-2, 0.9],
    ]);
    expect(sweepChart(mine, 'params').series[0]!.points.map((p) => p.x)).toEqual([500, 500]);
  });

  it('draws one line per value of a second swept setting', () => {
    const both = (n: number, rate: number, width: number, accuracy: number) =>
      run(
        n,
        {
          id: 's',
          values: [
            { target: lr, value: rate },
            { target: units, value: width },
          ],
        },
        accuracy,
      );
    const chart = sweepChart(
      [both(1, 0.01, 32, 0.9), both(2, 0.01, 64, 0.95), both(3, 0.1, 32, 0.5)],
      'value',
    );
    expect(chart.series.map((s) => [s.name, s.points.length])).toEqual([
      ['dense1 units 32', 2],
      ['dense1 units 64', 1],
    ]);
  });
});
