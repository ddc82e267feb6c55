import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ColumnsToImage } from './input-gradient';
import { inputGradientByProduct } from './input-gradient';

type Shape = [number, number, number, number];
type Pad = tf.Conv2DBackpropInputAttrs['pad'];

interface CpuBackend extends tf.KernelBackend {
  readSync(dataId: object): Float32Array;
  makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): tf.TensorInfo;
}

/**
 * col2im on the CPU, written the other way round from the WebGL program: every column entry
 * is added to the input position its output position and filter tap read.
 */
const columnsToImageCpu: ColumnsToImage = (columns, info, backend) => {
  const cpu = backend as unknown as CpuBackend;
  const values = cpu.readSync(columns.dataId);
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth } = info;
  const { filterHeight, filterWidth, strideHeight, strideWidth, padInfo } = info;
  const image = new Float32Array(batchSize * inHeight * inWidth * inChannels);
  const taps = filterHeight * filterWidth * inChannels;
  for (let b = 0; b < batchSize; b++)
    for (let oy = 0; oy < outHeight; oy++)
      for (let ox = 0; ox < outWidth; ox++)
        for (let i = 0; i < filterHeight; i++)
          for (let j = 0; j < filterWidth; j++) {
            const y = oy * strideHeight - padInfo.top + i;
            const x = ox * strideWidth - padInfo.left + j;
            if (y < 0 || y >= inHeight || x < 0 || x >= inWidth) continue;
            const row = ((b * outHeight + oy) * outWidth + ox) * taps;
            for (let c = 0; c < inChannels; c++) {
              const at = ((b * inHeight + y) * inWidth + x) * inChannels + c;
              image[at]! += values[row + (i * filterWidth + j) * inChannels + c]!;
            }
          }
  return cpu.makeTensorInfo([batchSize, inHeight, inWidth, inChannels], 'float32', image);
};

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('inputGradientByProduct', () => {
  it.each<[string, Shape, Shape, number, Pad]>([
    ['a 5×5 valid convolution', [3, 12, 12, 4], [5, 5, 4, 6], 1, 'valid'],
    ['a 3×3 same-padded convolution', [2, 7, 8, 3], [3, 3, 3, 5], 1, 'same'],
    ['a 4×2 same-padded convolution (uneven padding)', [2, 6, 5, 2], [4, 2, 2, 3], 1, 'same'],
    ['a strided same-padded convolution', [2, 9, 8, 3], [3, 3, 3, 4], 2, 'same'],
    [
      'a strided valid convolution that leaves edges unread',
      [2, 10, 9, 2],
      [3, 3, 2, 2],
      3,
      'valid',
    ],
    ['a 1×1 convolution', [4, 5, 5, 3], [1, 1, 3, 2], 1, 'valid'],
  ])('matches tfjs’s own gradient for %s', (_, xShape, filterShape, strides, pad) => {
    const x = tf.randomNormal<tf.Rank.R4>(xShape, 0, 1, 'float32', 1);
    const filter = tf.randomNormal<tf.Rank.R4>(filterShape, 0, 1, 'float32', 2);
    const outShape = tf.conv2d(x, filter, strides, pad).shape;
    const dy = tf.randomNormal<tf.Rank.R4>(outShape, 0, 1, 'float32', 3);
    // The gradient as tfjs computes it for training.
    const own = tf.grad((input: tf.Tensor) =>
      tf.conv2d(input as tf.Tensor4D, filter, strides, pad).mul(dy),
    )(x);

    const config = inputGradientByProduct('cpu', columnsToImageCpu);
    const attrs = { inputShape: xShape, strides, pad, dataFormat: 'NHWC' };
    const before = tf.memory().numTensors;
    const info = (config.kernelFunc as (args: unknown) => tf.TensorInfo)({
      inputs: { dy, filter },
      backend: tf.backend(),
      attrs,
    });
    const byProduct = tf.engine().makeTensorFromTensorInfo(info);
    expect(tf.memory().numTensors - before, 'only the gradient is left').toBe(1);

    expect(byProduct.shape).toEqual(xShape);
    const scale = tf.abs(own).max().dataSync()[0]!;
    expect(scale).toBeGreaterThan(0.1);
    const gap = tf.sub(own, byProduct).abs().max().dataSync()[0]!;
    expect(gap / scale).toBeLessThan(1e-5);
  });
});
