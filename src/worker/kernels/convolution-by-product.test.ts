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

/** The studio's kernel `name` called directly, and how many tensors it left in the backend. */
function callOurs(
  name: string,
  inputs: tf.NamedTensorMap,
  attrs: object,
  steps = cpuColumnSteps,
  maxColumnValues?: number,
) {
  const configs = convolutionByProduct('cpu', steps, maxColumnValues);
  const config = configs.find((k) => k.kernelName === name)!;
  const backend = tf.backend();
  const call = () =>
    (config.kernelFunc as (args: unknown) => tf.TensorInfo)({ inputs, backend, attrs });
  const before = backend.numDataIds();
  const info = call();
  const left = backend.numDataIds() - before;
  return { result: tf.engine().makeTensorFromTensorInfo(info), left, call };
}

function expectClose(ours: tf.Tensor, theirs: tf.Tensor) {
  expect(ours.shape).toEqual(theirs.shape);
  const scale = tf.abs(theirs).max().dataSync()[0]!;
  expect(scale).toBeGreaterThan(0.1);
  expect(tf.sub(ours, theirs).abs().max().dataSync()[0]! / scale).toBeLessThan(1e-5);
}

/** Random x, filter and dY for a convolution, with tfjs's output and gradients for them. */
function convolution(xShape: Shape, filterShape: Shape, strides: number, pad: Pad) {
  const x = tf.randomNormal<tf.Rank.R4>(xShape, 0, 1, 'float32', 1);
  const filter = tf.randomNormal<tf.Rank.R4>(filterShape, 0, 1, 'float32', 2);
  const y = tf.conv2d(x, filter, strides, pad);
  const dy = tf.randomNormal<tf.Rank.R4>(y.shape, 0, 1, 'float32', 3);
  // The gradients as tfjs computes them for training.
  const [dx, dw] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
    tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, strides, pad).mul(dy),
  )([x, filter]) as [tf.Tensor, tf.Tensor];
  return { x, filter, y, dy, dx, dw, common: { strides, pad, dataFormat: 'NHWC' } };
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
    it('computes the convolution', () => {
      const { x, filter, y, common } = convolution(xShape, filterShape, strides, pad);
      const { result, left } = callOurs(tf.Conv2D, { x, filter }, { ...common, dilations: 1 });
      expectClose(result, y);
      expect(left, 'only the output is left').toBe(1);
    });

    it('computes the gradient of the filter', () => {
      const { x, dy, dw, common } = convolution(xShape, filterShape, strides, pad);
      const attrs = { ...common, filterShape };
      const { result, left } = callOurs(tf.Conv2DBackpropFilter, { x, dy }, attrs);
      expectClose(result, dw);
      expect(left, 'only the gradient is left').toBe(1);
    });

    it('computes the gradient of the input', () => {
      const { filter, dy, dx, common } = convolution(xShape, filterShape, strides, pad);
      const attrs = { ...common, inputShape: xShape };
      const { result, left } = callOurs(tf.Conv2DBackpropInput, { dy, filter }, attrs);
      expectClose(result, dx);
      expect(left, 'only the gradient is left').toBe(1);
    });
  });

  /** Column steps that count their calls and fail when `fail` says so. */
  function spySteps(fail: boolean) {
    const calls = { count: 0 };
    const wrap =
      <F extends (...args: never[]) => tf.TensorInfo>(step: F) =>
      (...args: Parameters<F>) => {
        calls.count++;
        if (fail) throw new Error('This shader does not compile here.');
        return step(...args);
      };
    const steps: ColumnSteps = {
      toColumns: wrap(cpuColumnSteps.toColumns),
      toImage: wrap(cpuColumnSteps.toImage),
    };
    return { steps, calls };
  }

  it('leaves dilated and 1×1 stride-1 convolutions to tfjs', () => {
    const x = tf.randomNormal<tf.Rank.R4>([2, 9, 9, 2], 0, 1, 'float32', 4);
    for (const [filterShape, dilations] of [
      [[3, 3, 2, 3], 2],
      [[1, 1, 2, 3], 1],
    ] as const) {
      const filter = tf.randomNormal<tf.Rank.R4>([...filterShape], 0, 1, 'float32', 5);
      const attrs = { strides: 1, pad: 'same', dataFormat: 'NHWC', dilations };
      const { steps, calls } = spySteps(false);
      const { result } = callOurs(tf.Conv2D, { x, filter }, attrs, steps);
      expect(calls.count).toBe(0);
      expectClose(result, tf.conv2d(x, filter, 1, 'same', 'NHWC', dilations));
    }
  });

  it('leaves convolutions whose columns would pass the limit to tfjs', () => {
    const { x, dy, dw, common } = convolution([2, 6, 6, 2], [3, 3, 2, 2], 1, 'valid');
    const attrs = { ...common, filterShape: [3, 3, 2, 2] };
    // 2 · 4 · 4 positions × 3 · 3 · 2 taps = 576 values.
    const { steps, calls } = spySteps(false);
    const { result } = callOurs(tf.Conv2DBackpropFilter, { x, dy }, attrs, steps, 575);
    expect(calls.count).toBe(0);
    expectClose(result, dw);
    callOurs(tf.Conv2DBackpropFilter, { x, dy }, attrs, steps, 576);
    expect(calls.count).toBe(1);
  });

  it('falls back to tfjs’s kernel, for good, once its own fails, leaving nothing behind', () => {
    const { filter, dy, dx, common } = convolution([2, 7, 7, 3], [3, 3, 3, 4], 1, 'same');
    const attrs = { ...common, inputShape: [2, 7, 7, 3] };
    const { steps, calls } = spySteps(true);
    const { result, left, call } = callOurs(tf.Conv2DBackpropInput, { dy, filter }, attrs, steps);
    expectClose(result, dx);
    expect(left, 'the failed product was disposed').toBe(1);
    expect(calls.count).toBe(1);
    tf.engine().makeTensorFromTensorInfo(call()).dispose();
    expect(calls.count, 'not tried again').toBe(1);
  });
});
