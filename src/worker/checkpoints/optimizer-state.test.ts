import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/train-settings';
import type { TrainSettings } from '../../shared/train-settings';
import { makeOptimizer } from '../optimizer';
import { readOptimizerState, stateFits, writeOptimizerState } from './optimizer-state';

/** The state an optimizer made for `settings` holds after one step on a small weight. */
async function stateAfterStep(settings: TrainSettings) {
  const weight = tf.variable(tf.zeros([3]));
  const optimizer = makeOptimizer(settings);
  optimizer.minimize(
    () =>
      weight
        .sub(tf.tensor1d([1, 2, 3]))
        .square()
        .sum(),
    false,
    [weight],
  );
  const state = await readOptimizerState(optimizer, settings.optimizer);
  optimizer.dispose();
  weight.dispose();
  return state;
}

describe('stateFits', () => {
  beforeAll(() => tf.setBackend('cpu'));

  const adam = { ...DEFAULT_SETTINGS, optimizer: 'adam' } as const;
  const momentum = { ...DEFAULT_SETTINGS, optimizer: 'sgd', momentum: 0.9 } as const;
  const plain = { ...DEFAULT_SETTINGS, optimizer: 'sgd', momentum: 0 } as const;
  const rmsprop = { ...DEFAULT_SETTINGS, optimizer: 'rmsprop' } as const;

  it('lets a state go on in the optimizer that made it', async () => {
    for (const settings of [adam, momentum, plain, rmsprop]) {
      expect(stateFits(await stateAfterStep(settings), settings)).toBe(true);
    }
  });

  it('starts afresh for another kind, and for SGD with momentum turned on or off', async () => {
    expect(stateFits(await stateAfterStep(adam), rmsprop)).toBe(false);
    expect(stateFits(await stateAfterStep(momentum), plain)).toBe(false);
    expect(stateFits(await stateAfterStep(plain), momentum)).toBe(false);
    expect(stateFits(await stateAfterStep(momentum), { ...momentum, momentum: 0.5 })).toBe(true);
  });

  it('is right to refuse momentum’s state to plain SGD, which would throw on it', async () => {
    const saved = await stateAfterStep(momentum);
    const optimizer = makeOptimizer(plain);
    await expect(writeOptimizerState(optimizer, saved)).rejects.toThrow();
    optimizer.dispose();
  });
});
