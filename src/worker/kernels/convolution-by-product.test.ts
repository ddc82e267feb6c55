import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ColumnSteps } from './convolution-by-product';
import { convolutionByProduct } from './convolution-by-product';

type Shape = [number, number, number, number];
type Pad = 'valid' | 'same' | number;

interface CpuBackend extends tf.KernelBackend {
  readSync(dataId: object): Float32Array;
  makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): tf.TensorInfo;
}

/**
 * im2col and col2im on the CPU, loop by loop, for every (example, output position, tap,
 * channel): the image position read there, and the column entry that reads it.
 */
const cpuColumnSteps: ColumnSteps = {
  toColumns(image, info, backend) {
    const cpu = backend as unknown as CpuBackend;
    const values = cpu.readSync(image.dataId);
    const columns = new Float32Array(rowsOf(info) * tapsOf(info));
    eachRead(info, (imageAt, columnAt) => (columns[columnAt] = values[imageAt]!));
    return cpu.makeTensorInfo([rowsOf(info), tapsOf(info)], 'float32', columns);
  },
  toImage(columns, info, backend) {
    const cpu = backend as unknown as CpuBackend;
    const values = cpu.readSync(columns.dataId);
    const { batchSize, inHeight, inWidth, inChannels } = info;
    const image = new Float32Array(batchSize * inHeight * inWidth * inChannels);
    eachRead(info, (imageAt, columnAt) => (image[imageAt]! += values[columnAt]!));
    return cpu.makeTensorInfo([batchSize, inHeight, inWidth, inChannels], 'float32', image);
  },
};

const rowsOf = (info: tf.backend_util.Conv2DInfo) =>
  info.batchSize * info.outHeight * info.outWidth;
const tapsOf = (info: tf.backend_util.Conv2DInfo) =>
  info.filterHeight * info.filterWidth * info.inChannels;

/** Calls `read` with the flat image and column index of every read inside the image. */
function eachRead(info: tf.backend_util.Conv2DInfo, read: (image: number, column: number) => void) {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth } = info;
  const { filterHeight, filterWidth, strideHeight, strideWidth, padInfo } = info;
  for (let b = 0; b < batchSize; b++)
    for (let oy = 0; oy < outHeight; oy++)
      for (let ox = 0; ox < outWidth; ox++)
        for (let i = 0; i < filterHeight; i++)
          for (let j = 0; j < filterWidth; j++) {
            const y = oy * strideHeight - padInfo.top + i;
            const x = ox * strideWidth - padInfo.left + j;
            if (y < 0 || y >= inHeight || x < 0 || x >= inWidth) continue;
            const row = (b * outHeight + oy) * outWidth + ox;
            for (let c = 0; c < inChannels; c++) {
              const column = row * tapsOf(info) + (i * filterWidth + j) * inChannels + c;
              read(((b * inHeight + y) * inWidth + x) * inChannels + c, column);
            }
          }
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** The studio's kernel `name` called directly, and the tensors it left behind. */
function callOurs(name: string, inputs: tf.NamedTensorMap, attrs: object) {
  const config = convolutionByProduct('cpu', cpuColumnSteps).find((k) => k.kernelName === name)!;
  const before = tf.memory().numTensors;
  const info = (config.kernelFunc as (args: unknown) => tf.TensorInfo)({
    inputs,
    backend: tf.backend(),
    attrs,
  });
  const result = tf.engine().makeTensorFromTensorInfo(info);
  return { result, left: tf.memory().numTensors - before };
}

function expectClose(ours: tf.Tensor, theirs: tf.Tensor) {
  expect(ours.shape).toEqual(theirs.shape);
  const scale = tf.abs(theirs).max().dataSync()[0]!;
  expect(scale).toBeGreaterThan(0.1);
  expect(tf.sub(ours, theirs).abs().max().dataSync()[0]! / scale).toBeLessThan(1e-5);
}

const CASES: [string, Shape, Shape, number, Pad][] = [
  ['a 5×5 valid convolution of one channel', [4, 12, 12, 1], [5, 5, 1, 3], 1, 'valid'],
  ['a 5×5 valid convolution of several channels', [3, 9, 9, 4], [5, 5, 4, 6], 1, 'valid'],
  ['a 3×3 same-padded convolution', [2, 7, 8, 3], [3, 3, 3, 5], 1, 'same'],
  ['a 4×2 same-padded convolution (uneven padding)', [2, 6, 5, 2], [4, 2, 2, 3], 1, 'same'],
  ['explicit padding', [2, 6, 6, 2], [3, 3, 2, 2], 1, 1],
  ['a strided same-padded convolution', [2, 9, 8, 3], [3, 3, 3, 4], 2, 'same'],
  ['a strided convolution that leaves edges unread', [2, 10, 9, 2], [3, 3, 2, 2], 3, 'valid'],
  ['a strided 1×1 convolution', [3, 6, 6, 3], [1, 1, 3, 2], 2, 'valid'],
];

describe('convolutionByProduct', () => {
  describe.each(CASES)('for %s', (_, xShape, filterShape, strides, pad) => {
    const x = tf.randomNormal<tf.Rank.R4>(xShape, 0, 1, 'float32', 1);
    const filter = tf.randomNormal<tf.Rank.R4>(filterShape, 0, 1, 'float32', 2);
    const y = tf.conv2d(x, filter, strides, pad);
    const dy = tf.randomNormal<tf.Rank.R4>(y.shape, 0, 1, 'float32', 3);
    const common = { strides, pad, dataFormat: 'NHWC' };
    // The gradients as tfjs computes them for training.
    const loss = (input: tf.Tensor4D, weights: tf.Tensor4D) =>
      tf.conv2d(input, weights, strides, pad).mul(dy);
    const [dx, dw] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      loss(a as tf.Tensor4D, b as tf.Tensor4D),
    )([x, filter]) as [tf.Tensor, tf.Tensor];

    it('computes the convolution', () => {
      const { result, left } = callOurs(tf.Conv2D, { x, filter }, { ...common, dilations: 1 });
      expectClose(result, y);
      expect(left, 'only the output is left').toBe(1);
    });

    it('computes the gradient of the filter', () => {
      const attrs = { ...common, filterShape };
      const { result, left } = callOurs(tf.Conv2DBackpropFilter, { x, dy }, attrs);
      expectClose(result, dw);
      expect(left, 'only the gradient is left').toBe(1);
    });

    it('computes the gradient of the input', () => {
      const attrs = { ...common, inputShape: xShape };
      const { result, left } = callOurs(tf.Conv2DBackpropInput, { dy, filter }, attrs);
      expectClose(result, dx);
      expect(left, 'only the gradient is left').toBe(1);
    });
  });

  it('leaves dilated and 1×1 stride-1 convolutions to tfjs', () => {
    const x = tf.randomNormal<tf.Rank.R4>([2, 9, 9, 2], 0, 1, 'float32', 4);
    for (const [filterShape, dilations] of [
      [[3, 3, 2, 3], 2],
      [[1, 1, 2, 3], 1],
    ] as const) {
      const filter = tf.randomNormal<tf.Rank.R4>([...filterShape], 0, 1, 'float32', 5);
      const attrs = { strides: 1, pad: 'same', dataFormat: 'NHWC', dilations };
      const { result } = callOurs(tf.Conv2D, { x, filter }, attrs);
      const theirs = tf.conv2d(x, filter, 1, 'same', 'NHWC', dilations);
      expect(Array.from(result.dataSync())).toEqual(Array.from(theirs.dataSync()));
    }
  });
});
