import * as tf from '@tensorflow/tfjs';
import type { Kernel, KernelBackend } from './kernel-of';
import { convolutionOf, kernelOf } from './kernel-of';

/**
 * A backend's two data-movement steps around a convolution's matrix products. Columns are
 * [batch · outHeight · outWidth, filterHeight · filterWidth · inChannels]: one row per output
 * position, one column per filter tap and input channel; images are channels-last.
 */
export interface ColumnSteps {
  /** im2col: each output position's window of the image, zero where it overhangs. */
  toColumns: (
    image: tf.TensorInfo,
    info: tf.backend_util.Conv2DInfo,
    backend: KernelBackend,
  ) => tf.TensorInfo;
  /** col2im: for each image position, the sum of the column entries that read it. */
  toImage: (
    columns: tf.TensorInfo,
    info: tf.backend_util.Conv2DInfo,
    backend: KernelBackend,
  ) => tf.TensorInfo;
}

/**
 * The most values a convolution's columns may hold: 2²⁴ floats, 64 MB, a texture well inside
 * the 8192 × 8192 a WebGL backend can hold one value per texel in. The starter network's
 * largest at batch 32 is 0.5 M, the small ResNet's 3.6 M; larger convolutions keep tfjs's
 * kernels, whose gradients need no columns at all.
 */
export const MAX_COLUMN_VALUES = 2 ** 24;

type Args = Parameters<Kernel>[0];

/** A tensor read as a matrix of [rows, columns]. */
type Matrix = [tf.TensorInfo, number, number];

/**
 * tfjs's three convolution kernels (`Conv2D`, `Conv2DBackpropFilter`, `Conv2DBackpropInput`)
 * as one matrix product each, between `steps`' columns and a reshaped tensor:
 *
 * - output = columns(X) × W, W as [taps, outChannels];
 * - dW = columns(X)ᵀ × dY, dY as [positions, outChannels];
 * - dX = image(dY × Wᵀ).
 *
 * Channels-first and dilated convolutions, 1×1 stride-1 ones (which tfjs already multiplies
 * directly) and those whose columns would pass `maxColumnValues` fall back to
 * `backendName`'s own kernels; so does every later call of a kernel once one has failed (a
 * shader a GPU driver rejects, say). tfjs's WebGL backend builds its im2col four values per
 * texel and computes both gradients with one texel fetch per multiply-add; on a software
 * GPU each of the three is faster this way (docs/performance.md). tfjs-layers' convolutions
 * with a linear activation run `FusedConv2D` forward, which stays tfjs's; their gradients
 * come here.
 */
export function convolutionByProduct(
  backendName: string,
  steps: ColumnSteps,
  maxColumnValues = MAX_COLUMN_VALUES,
): tf.KernelConfig[] {
  const reshape = kernelOf(tf.Reshape, backendName);
  const matMul = kernelOf(tf.BatchMatMul, backendName);

  /** a × b (either transposed) of two tensors read as matrices, reshaped to `shape`. */
  function product(
    backend: KernelBackend,
    [a, aRows, aCols]: Matrix,
    [b, bRows, bCols]: Matrix,
    transposeA: boolean,
    transposeB: boolean,
    shape: number[],
  ): tf.TensorInfo {
    const as = (x: tf.TensorInfo, to: number[]) =>
      reshape({ inputs: { x }, backend, attrs: { shape: to } });
    return using(backend, (keep) => {
      const left = keep(as(a, [1, aRows, aCols]));
      const right = keep(as(b, [1, bRows, bCols]));
      const result = keep(
        matMul({ inputs: { a: left, b: right }, backend, attrs: { transposeA, transposeB } }),
      );
      return as(result, shape);
    });
  }

  /** columns(x), transposed when `transpose`, × `other`, reshaped to `shape`. */
  function columnsTimes(
    backend: KernelBackend,
    x: tf.TensorInfo,
    info: tf.backend_util.Conv2DInfo,
    { positions, taps }: { positions: number; taps: number },
    other: Matrix,
    shape: number[],
    transpose = false,
  ): tf.TensorInfo {
    return using(backend, (keep) => {
      const columns: Matrix = [keep(steps.toColumns(x, info, backend)), positions, taps];
      return product(backend, columns, other, transpose, false, shape);
    });
  }

  /**
   * The kernel `name`: ours where `ours` answers (not null), else tfjs's own, and tfjs's own
   * from the first time ours throws.
   */
  function kernel(name: string, ours: (args: Args) => tf.TensorInfo | null): tf.KernelConfig {
    const own = kernelOf(name, backendName);
    let failed = false;
    const kernelFunc: Kernel = (args) => {
      if (!failed) {
        try {
          const result = ours(args);
          if (result) return result;
        } catch {
          failed = true;
        }
      }
      return own(args);
    };
    return { kernelName: name, backendName, kernelFunc: kernelFunc as tf.KernelFunc };
  }

  /** The convolution's sizes, or null when it is not one to compute by product. */
  function geometry(info: tf.backend_util.Conv2DInfo) {
    const positions = info.batchSize * info.outHeight * info.outWidth;
    const taps = info.filterHeight * info.filterWidth * info.inChannels;
    const supported =
      info.dataFormat === 'channelsLast' &&
      info.dilationHeight === 1 &&
      info.dilationWidth === 1 &&
      positions * taps <= maxColumnValues;
    return supported ? { positions, taps } : null;
  }

  const forward = kernel(tf.Conv2D, (args) => {
    const { x, filter } = args.inputs as { x: tf.TensorInfo; filter: tf.TensorInfo };
    const attrs = args.attrs as unknown as tf.Conv2DAttrs;
    const info = convolutionOf(x.shape, filter.shape, attrs, attrs.dilations);
    const { top, bottom, left, right } = info.padInfo;
    const pointwise =
      info.filterHeight === 1 &&
      info.filterWidth === 1 &&
      info.strideHeight === 1 &&
      info.strideWidth === 1 &&
      top + bottom + left + right === 0;
    const sizes = geometry(info);
    if (!sizes || pointwise) return null;
    const other: Matrix = [filter, sizes.taps, info.outChannels];
    return columnsTimes(args.backend as KernelBackend, x, info, sizes, other, info.outShape);
  });

  const filterGradient = kernel(tf.Conv2DBackpropFilter, (args) => {
    const { x, dy } = args.inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
    const attrs = args.attrs as unknown as tf.Conv2DBackpropFilterAttrs;
    const info = convolutionOf(x.shape, attrs.filterShape, attrs);
    const sizes = geometry(info);
    if (!sizes) return null;
    const other: Matrix = [dy, sizes.positions, info.outChannels];
    const backend = args.backend as KernelBackend;
    return columnsTimes(backend, x, info, sizes, other, attrs.filterShape, true);
  });

  const inputGradient = kernel(tf.Conv2DBackpropInput, (args) => {
    const { dy, filter } = args.inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
    const attrs = args.attrs as unknown as tf.Conv2DBackpropInputAttrs;
    const info = convolutionOf(attrs.inputShape, filter.shape, attrs);
    const sizes = geometry(info);
    if (!sizes) return null;
    const backend = args.backend as KernelBackend;
    const { positions, taps } = sizes;
    return using(backend, (keep) => {
      const columns = keep(
        product(
          backend,
          [dy, positions, info.outChannels],
          [filter, taps, info.outChannels],
          false,
          true,
          [positions, taps],
        ),
      );
      return steps.toImage(columns, info, backend);
    });
  });

  return [forward, filterGradient, inputGradient];
}

/**
 * Runs `body`, then disposes the intermediate results it kept, whether it returned or threw
 * (a kernel's intermediates are not tracked by tfjs's engine, so `tf.tidy` does not see them).
 */
function using<T>(
  backend: KernelBackend,
  body: (keep: (info: tf.TensorInfo) => tf.TensorInfo) => T,
): T {
  const kept: tf.TensorInfo[] = [];
  try {
    return body((info) => {
      kept.push(info);
      return info;
    });
  } finally {
    for (const info of kept) backend.disposeIntermediateTensorInfo(info);
  }
}
