import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EARLY_STOPPING,
  EarlyStopper,
  checkEarlyStopping,
  type EarlyStoppingSettings,
  type StopDecision,
} from './early-stopping';

const enabled = (overrides: Partial<EarlyStoppingSettings> = {}): EarlyStoppingSettings => ({
  ...DEFAULT_EARLY_STOPPING,
  enabled: true,
  ...overrides,
});

/** Feeds validation losses (or accuracies) from epoch 1 on and returns every decision. */
function run(settings: EarlyStoppingSettings, values: number[]): StopDecision[] {
  const stopper = new EarlyStopper(settings);
  return values.map((value, i) => stopper.observe(i + 1, { loss: value, accuracy: value }));
}

const stops = (decisions: StopDecision[]) => decisions.map((d) => d.stop);

describe('EarlyStopper', () => {
  it('counts the first epoch as an improvement', () => {
    const [first] = run(enabled(), [2.5]);
    expect(first).toEqual({ improved: true, bestEpoch: 1, bestValue: 2.5, stop: false });
  });

  it('stops after `patience` epochs without a better loss, saying why', () => {
    const decisions = run(enabled({ patience: 3 }), [1, 0.8, 0.412, 0.5, 0.45, 0.42, 0.4]);
    expect(stops(decisions)).toEqual([false, false, false, false, false, true, false]);
    expect(decisions[5]).toEqual({
      improved: false,
      bestEpoch: 3,
      bestValue: 0.412,
      stop: true,
      reason:
        'Validation loss did not improve by more than 0 for 3 epochs (best 0.412 at epoch 3).',
    });
  });

  it('stops at the first epoch without improvement with patience 0', () => {
    expect(stops(run(enabled({ patience: 0 }), [1, 0.9, 0.95]))).toEqual([false, false, true]);
  });

  it('restarts the wait on every improvement with patience 1', () => {
    const decisions = run(enabled({ patience: 1 }), [1, 0.9, 0.8, 0.8]);
    expect(stops(decisions)).toEqual([false, false, false, true]);
    expect(decisions[3]!.reason).toContain('for 1 epoch (');
  });

  it('ignores improvements no larger than minDelta', () => {
    const decisions = run(enabled({ patience: 2, minDelta: 0.05 }), [1, 0.96, 0.955, 0.9]);
    expect(decisions.map((d) => d.improved)).toEqual([true, false, false, true]);
    expect(decisions[2]).toMatchObject({ stop: true, bestEpoch: 1, bestValue: 1 });
  });

  it('wants accuracy to rise when it watches accuracy', () => {
    const settings = enabled({ monitor: 'validationAccuracy', patience: 1, minDelta: 0.01 });
    const decisions = run(settings, [0.5, 0.7, 0.705, 0.6]);
    expect(decisions.map((d) => d.improved)).toEqual([true, true, false, false]);
    expect(decisions[2]).toMatchObject({ stop: true, bestEpoch: 2, bestValue: 0.7 });
    expect(decisions[2]!.reason).toMatch(/^Validation accuracy did not improve by more than 0.01/);
  });

  it('never counts NaN as an improvement, even on the first epoch', () => {
    const decisions = run(enabled({ patience: 2 }), [Number.NaN, 1, Number.NaN, Number.NaN]);
    expect(decisions.map((d) => d.improved)).toEqual([false, true, false, false]);
    expect(decisions[0]).toMatchObject({ bestEpoch: -1, bestValue: Number.NaN });
    expect(decisions[3]).toMatchObject({ stop: true, bestEpoch: 2, bestValue: 1 });

    const diverged = run(enabled({ patience: 1 }), [Number.NaN]);
    expect(diverged[0]!.reason).toBe(
      'Validation loss did not improve by more than 0 for 1 epoch (it was never a number).',
    );
  });

  it('tracks the best epoch but never stops when disabled', () => {
    const decisions = run(DEFAULT_EARLY_STOPPING, [1, 2, 3, 4, 5, 6]);
    expect(stops(decisions).some(Boolean)).toBe(false);
    expect(decisions[5]).toMatchObject({ bestEpoch: 1, bestValue: 1 });
  });
});

describe('checkEarlyStopping', () => {
  it('accepts the defaults, enabled or not', () => {
    expect(checkEarlyStopping(DEFAULT_EARLY_STOPPING)).toEqual([]);
    expect(checkEarlyStopping(enabled())).toEqual([]);
  });

  it('explains bad values only when early stopping is on', () => {
    const bad = { patience: 1.5, minDelta: -0.1 };
    expect(checkEarlyStopping(enabled(bad))).toEqual([
      'Patience must be a whole number of epochs, 0 or more.',
      'The smallest improvement must be a number, 0 or more.',
    ]);
    expect(checkEarlyStopping({ ...DEFAULT_EARLY_STOPPING, ...bad })).toEqual([]);
  });
});
