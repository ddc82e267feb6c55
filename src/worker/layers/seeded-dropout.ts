import * as tf from '@tensorflow/tfjs';

/**
 * A Dropout whose masks repeat from run to run: tfjs draws the same mask at every step when
 * given a seed, and masks nobody can reproduce without one. Each training call takes the next
 * seed of the layer's own sequence, so a run with the same seed draws the same masks step after
 * step; inference calls (insights between steps) leave the sequence where it is.
 */
export function seededDropout(
  args: { name: string; rate: number; noiseShape?: number[] },
  seed: number,
): tf.layers.Layer {
  const layer = tf.layers.dropout({ ...args, seed });
  const call = layer.call.bind(layer);
  let step = 0;
  layer.call = (inputs, kwargs) => {
    if (kwargs.training === true) (layer as unknown as { seed: number }).seed = seed + step++;
    return call(inputs, kwargs);
  };
  return layer;
}
