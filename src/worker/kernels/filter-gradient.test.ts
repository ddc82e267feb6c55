import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { filterGradientByConvolution } from './filter-gradient';

type Pad = tf.Conv2DBackpropFilterAttrs['pad'];

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** tfjs's own kernel and the convolution form, on the same random x and dy. */
function bothGradients(
  xShape: [number, number, number, number],
  filterShape: [number, number, number, number],
  strides: number,
  pad: Pad,
) {
  const x = tf.randomNormal<tf.Rank.R4>(xShape, 0, 1, 'float32', 1);
  const outShape = tf.conv2d(x, tf.zeros<tf.Rank.R4>(filterShape), strides, pad).shape;
  const dy = tf.randomNormal<tf.Rank.R4>(outShape, 0, 1, 'float32', 2);
  // The gradient as tfjs computes it for training.
  const [own] = tf.grads((w: tf.Tensor) => tf.conv2d(x, w as tf.Tensor4D, strides, pad).mul(dy))([
    tf.zeros(filterShape),
  ]) as [tf.Tensor];
  const config = filterGradientByConvolution('cpu');
  const attrs = { strides, pad, dataFormat: 'NHWC', filterShape };
  const before = tf.memory().numTensors;
  const info = (config.kernelFunc as (args: unknown) => tf.TensorInfo)({
    inputs: { x, dy },
    backend: tf.backend(),
    attrs,
  });
  const byConvolution = tf.engine().makeTensorFromTensorInfo(info);
  return { own, byConvolution, kept: tf.memory().numTensors - before };
}

describe('filterGradientByConvolution', () => {
  it.each<[string, [number, number, number, number], [number, number, number, number], Pad]>([
    ['a 5×5 valid convolution of one channel', [4, 12, 12, 1], [5, 5, 1, 3], 'valid'],
    ['a 5×5 valid convolution of several channels', [3, 9, 9, 4], [5, 5, 4, 6], 'valid'],
    ['a 3×3 same-padded convolution', [2, 7, 8, 3], [3, 3, 3, 5], 'same'],
    ['a 4×2 same-padded convolution (uneven padding)', [2, 6, 5, 2], [4, 2, 2, 3], 'same'],
    ['explicit padding', [2, 6, 6, 2], [3, 3, 2, 2], 1],
    ['a 1×1 convolution', [5, 4, 4, 3], [1, 1, 3, 2], 'valid'],
  ])('matches tfjs’s own gradient for %s', (_, xShape, filterShape, pad) => {
    const { own, byConvolution, kept } = bothGradients(xShape, filterShape, 1, pad);
    expect(byConvolution.shape).toEqual(filterShape);
    const scale = tf.abs(own).max().dataSync()[0]!;
    expect(scale).toBeGreaterThan(0.1);
    const gap = tf.sub(own, byConvolution).abs().max().dataSync()[0]!;
    expect(gap / scale).toBeLessThan(1e-5);
    expect(kept, 'only the gradient is left').toBe(1);
  });

  it('falls back to tfjs’s own kernel for strided convolutions', () => {
    const { own, byConvolution } = bothGradients([2, 9, 9, 2], [3, 3, 2, 4], 2, 'valid');
    expect(Array.from(byConvolution.dataSync())).toEqual(Array.from(own.dataSync()));
  });
});
