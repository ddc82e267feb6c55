import type * as tf from '@tensorflow/tfjs';

type Call = tf.layers.Layer['call'];

/**
 * Runs `run` with `layer`'s output passed through `tap` (which sees the layer's inputs too).
 * This is how a request reaches inside the live model without rebuilding or splitting it —
 * it works for any graph, skip connections included. `run` must be synchronous, so no
 * training step can interleave while the layer is tapped; the layer is restored after.
 */
export function withTap<T>(
  layer: tf.layers.Layer,
  tap: (output: tf.Tensor, inputs: tf.Tensor | tf.Tensor[]) => tf.Tensor,
  run: () => T,
): T {
  const hadOwn = Object.prototype.hasOwnProperty.call(layer, 'call');
  const own: unknown = hadOwn ? Reflect.get(layer, 'call') : undefined;
  const original = layer.call.bind(layer);
  const patched: Call = (inputs, kwargs) => tap(original(inputs, kwargs) as tf.Tensor, inputs);
  layer.call = patched;
  try {
    return run();
  } finally {
    if (hadOwn) Reflect.set(layer, 'call', own);
    else Reflect.deleteProperty(layer, 'call');
  }
}
