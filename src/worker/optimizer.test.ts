import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, OPTIMIZERS } from '../shared/train-settings';
import { makeOptimizer, setLearningRate } from './optimizer';

describe('setLearningRate', () => {
  beforeAll(() => tf.setBackend('cpu'));

  it.each(OPTIMIZERS)('changes the rate %s applies from the next step', (name) => {
    const optimizer = makeOptimizer({
      ...DEFAULT_SETTINGS,
      optimizer: name,
      learningRate: 0.1,
      momentum: 0,
    });
    setLearningRate(optimizer, 0.02);
    expect((optimizer as unknown as { learningRate: number }).learningRate).toBe(0.02);
    // With momentum 0, SGD on x² steps exactly rate × 2x: the new rate, not the cached one.
    if (name !== 'sgd') return;
    const x = tf.variable(tf.scalar(1));
    optimizer.minimize(() => x.square(), false, [x]);
    expect(x.dataSync()[0]).toBeCloseTo(1 - 0.02 * 2, 6);
    x.dispose();
    optimizer.dispose();
  });
});
