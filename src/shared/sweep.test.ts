import { describe, expect, it } from 'vitest';
import { starterNetwork } from '../model/templates';
import {
  MAX_SWEEP_RUNS,
  applySweepValues,
  parseSweepValues,
  planSweep,
  type SweepAxis,
  type SweepTarget,
} from './sweep';
import { DEFAULT_SETTINGS } from './train-settings';

const learningRate: SweepTarget = { kind: 'setting', field: 'learningRate' };
const units: SweepTarget = { kind: 'layer', layerId: 'dense1', field: 'units' };
const axis = (target: SweepTarget, values: number[]): SweepAxis => ({ target, values });

describe('planSweep', () => {
  it('runs every value of one axis with the budget shared out', () => {
    const plan = planSweep([axis(learningRate, [0.1, 0.01, 0.001])], 10);
    expect(plan.map(({ index, epochs, label }) => [index, epochs, label])).toEqual([
      [0, 3, 'learning rate 0.1'],
      [1, 3, 'learning rate 0.01'],
      [2, 3, 'learning rate 0.001'],
    ]);
    expect(plan[1]!.values).toEqual([{ target: learningRate, value: 0.01 }]);
  });

  it('crosses two axes with the first one outermost', () => {
    const plan = planSweep([axis(learningRate, [0.1, 0.01]), axis(units, [32, 64, 128])], 12);
    expect(plan.map((run) => run.label)).toEqual([
      'learning rate 0.1, dense1 units 32',
      'learning rate 0.1, dense1 units 64',
      'learning rate 0.1, dense1 units 128',
      'learning rate 0.01, dense1 units 32',
      'learning rate 0.01, dense1 units 64',
      'learning rate 0.01, dense1 units 128',
    ]);
    expect(plan.every((run) => run.epochs === 2)).toBe(true);
  });

  it('gives every run at least one epoch, and its own when epochs is swept', () => {
    expect(planSweep([axis(learningRate, [1, 2, 3])], 2).map((run) => run.epochs)).toEqual([
      1, 1, 1,
    ]);
    const epochs: SweepTarget = { kind: 'setting', field: 'epochs' };
    expect(planSweep([axis(epochs, [1, 5])], 100).map((run) => run.epochs)).toEqual([1, 5]);
  });

  it('refuses plans it cannot run, saying why', () => {
    expect(() => planSweep([], 10)).toThrow('not 0');
    const three = [axis(learningRate, [1]), axis(units, [1]), axis(learningRate, [2])];
    expect(() => planSweep(three, 10)).toThrow('one or two things');
    expect(() => planSweep([axis(units, [])], 10)).toThrow('at least one value for dense1 units');
    expect(() => planSweep([axis(units, [1]), axis(units, [2])], 10)).toThrow('Both axes');
    const many = Array.from({ length: 6 }, (_, i) => i + 1);
    expect(() => planSweep([axis(learningRate, many), axis(units, many)], 10)).toThrow(
      `36 runs; a sweep can have at most ${MAX_SWEEP_RUNS}`,
    );
    expect(
      planSweep([axis(learningRate, [1, 2, 3, 4, 5]), axis(units, [1, 2, 3, 4, 5])], 1),
    ).toHaveLength(25);
  });
});

describe('parseSweepValues', () => {
  it('reads numbers in any notation, separated by commas or spaces', () => {
    expect(parseSweepValues('0.1, 0.01, 1e-3')).toEqual([0.1, 0.01, 0.001]);
    expect(parseSweepValues(' 32 64;128,\n256 ')).toEqual([32, 64, 128, 256]);
    expect(parseSweepValues('.5, -2, +3E2')).toEqual([0.5, -2, 300]);
  });

  it('explains empty text, non-numbers and repeats', () => {
    expect(parseSweepValues(' , ')).toBe('Enter at least one value, separated by commas.');
    expect(parseSweepValues('0.1, abc')).toBe('“abc” is not a number.');
    expect(parseSweepValues('0x10')).toBe('“0x10” is not a number.');
    expect(parseSweepValues('Infinity')).toBe('“Infinity” is not a number.');
    expect(parseSweepValues('0.01, 1e-2')).toBe('0.01 is listed twice.');
  });
});

describe('applySweepValues', () => {
  const spec = starterNetwork();

  it('sets settings and layer fields on new objects, leaving the originals alone', () => {
    const before = structuredClone(spec);
    const result = applySweepValues(spec, DEFAULT_SETTINGS, [
      { target: learningRate, value: 0.05 },
      { target: units, value: 128 },
      { target: { kind: 'layer', layerId: 'dropout', field: 'rate' }, value: 0.5 },
    ]);
    expect(result.settings).toEqual({ ...DEFAULT_SETTINGS, learningRate: 0.05 });
    const byId = new Map(result.spec.nodes.map((node) => [node.id, node]));
    expect(byId.get('dense1')!.config).toMatchObject({ units: 128 });
    expect(byId.get('dropout')!.config).toEqual({ rate: 0.5 });
    expect(spec).toEqual(before);
    expect(DEFAULT_SETTINGS.learningRate).toBe(0.002);
    expect(result.spec).not.toBe(spec);
    expect(result.settings).not.toBe(DEFAULT_SETTINGS);
  });

  it('refuses a layer or field the network does not have', () => {
    expect(() =>
      applySweepValues(spec, DEFAULT_SETTINGS, [
        { target: { kind: 'layer', layerId: 'gone', field: 'units' }, value: 1 },
      ]),
    ).toThrow("no layer 'gone'");
    expect(() =>
      applySweepValues(spec, DEFAULT_SETTINGS, [
        { target: { kind: 'layer', layerId: 'dense1', field: 'activation' }, value: 1 },
      ]),
    ).toThrow("no numeric setting 'activation'");
  });
});
