import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededDropout } from './seeded-dropout';

/** The masks a fresh layer draws over `steps` training calls, then one inference call. */
function masks(seed: number, steps: number) {
  const layer = seededDropout({ name: 'drop', rate: 0.5 }, seed);
  const ones = tf.ones([1, 64]);
  const drawn = Array.from({ length: steps }, () => {
    const out = layer.apply(ones, { training: true }) as tf.Tensor;
    const mask = Array.from(out.dataSync(), (v) => (v > 0 ? 1 : 0));
    out.dispose();
    return mask.join('');
  });
  const inference = layer.apply(ones) as tf.Tensor;
  const passed = Array.from(inference.dataSync());
  inference.dispose();
  ones.dispose();
  return { drawn, passed };
}

describe('seeded dropout', () => {
  beforeAll(() => tf.setBackend('cpu'));

  it('draws a new mask at every training step, the same sequence for the same seed', () => {
    const first = masks(7, 4);
    expect(new Set(first.drawn).size).toBe(4);
    expect(masks(7, 4).drawn).toEqual(first.drawn);
    expect(masks(8, 4).drawn).not.toEqual(first.drawn);
    expect(first.passed.every((v) => v === 1)).toBe(true);
  });
});
