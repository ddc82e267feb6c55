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
  toColumns(
    image: tf.TensorInfo,
    info: tf.backend_util.Conv2DInfo,
    backend: KernelBackend,
  ): tf.TensorInfo;
  /** col2im: for each image position, the sum of the column entries that read it. */
  toImage(
    columns: tf.TensorInfo,
    info: tf.backend_util.Conv2DInfo,
    backend: KernelBackend,
  ): tf.TensorInfo;
}

type Own = (args: Parameters<Kernel>[0]) => tf.TensorInfo;

/**
 * tfjs's three convolution kernels (`Conv2D`, `Conv2DBackpropFilter`, `Conv2DBackpropInput`)
 * as one matrix product each, between `steps`' columns and a reshaped tensor:
 *
 * - output = columns(X) × W, W as [taps, outChannels];
 * - dW = columns(X)ᵀ × dY, dY as [positions, outChannels];
 * - dX = image(dY × Wᵀ).
 *
 * Channels-first, dilated and 1×1 stride-1 convolutions (for which tfjs already multiplies
 * matrices directly) fall back to `backendName`'s own kernels. tfjs's WebGL backend builds
 * its im2col four values per texel and computes both gradients with one texel fetch per
 * multiply-add; on a software GPU each of the three is faster this way
 * (docs/performance.md).
 */
export function convolutionByProduct(backendName: string, steps: ColumnSteps): tf.KernelConfig[] {
  const reshape = kernelOf(tf.Reshape, backendName);
  const matMul = kernelOf(tf.BatchMatMul, backendName);

  /** a × b (either transposed) of two tensors read as matrices, reshaped to `shape`. */
  function product(
    backend: KernelBackend,
    [a, aRows, aCols]: [tf.TensorInfo, number, number],
    [b, bRows, bCols]: [tf.TensorInfo, number, number],
    transposeA: boolean,
    transposeB: boolean,
    shape: number[],
  ): tf.TensorInfo {
    const as = (x: tf.TensorInfo, to: number[]) =>
      reshape({ inputs: { x }, backend, attrs: { shape: to } });
    const left = as(a, [1, aRows, aCols]);
    const right = as(b, [1, bRows, bCols]);
    const result = matMul({
      inputs: { a: left, b: right },
      backend,
      attrs: { transposeA, transposeB },
    });
    const shaped = as(result, shape);
    for (const t of [left, right, result]) backend.disposeIntermediateTensorInfo(t);
    return shaped;
  }

  /** The kernel `name`, ours where `ours` answers (not null), else tfjs's own. */
  function kernel(
    name: string,
    ours: (args: Parameters<Kernel>[0], own: Own) => tf.TensorInfo | null,
  ): tf.KernelConfig {
    const own = kernelOf(name, backendName);
    const kernelFunc: Kernel = (args) => ours(args, own) ?? own(args);
    return { kernelName: name, backendName, kernelFunc: kernelFunc as tf.KernelFunc };
  }

  const byProduct = (info: tf.backend_util.Conv2DInfo) =>
    info.dataFormat === 'channelsLast' && info.dilationHeight === 1 && info.dilationWidth === 1;
  const sizes = (info: tf.backend_util.Conv2DInfo) => ({
    positions: info.batchSize * info.outHeight * info.outWidth,
    taps: info.filterHeight * info.filterWidth * info.inChannels,
  });

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
    if (!byProduct(info) || pointwise) return null;
    const backend = args.backend as KernelBackend;
    const { positions, taps } = sizes(info);
    const columns = steps.toColumns(x, info, backend);
    const output = product(
      backend,
      [columns, positions, taps],
      [filter, taps, info.outChannels],
      false,
      false,
      info.outShape,
    );
    backend.disposeIntermediateTensorInfo(columns);
    return output;
  });

  const filterGradient = kernel(tf.Conv2DBackpropFilter, (args) => {
    const { x, dy } = args.inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
    const attrs = args.attrs as unknown as tf.Conv2DBackpropFilterAttrs;
    const info = convolutionOf(x.shape, attrs.filterShape, attrs);
    if (!byProduct(info)) return null;
    const backend = args.backend as KernelBackend;
    const { positions, taps } = sizes(info);
    const columns = steps.toColumns(x, info, backend);
    const gradient = product(
      backend,
      [columns, positions, taps],
      [dy, positions, info.outChannels],
      true,
      false,
      attrs.filterShape,
    );
    backend.disposeIntermediateTensorInfo(columns);
    return gradient;
  });

  const inputGradient = kernel(tf.Conv2DBackpropInput, (args) => {
    const { dy, filter } = args.inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
    const attrs = args.attrs as unknown as tf.Conv2DBackpropInputAttrs;
    const info = convolutionOf(attrs.inputShape, filter.shape, attrs);
    if (!byProduct(info)) return null;
    const backend = args.backend as KernelBackend;
    const { positions, taps } = sizes(info);
    const columns = product(
      backend,
      [dy, positions, info.outChannels],
      [filter, taps, info.outChannels],
      false,
      true,
      [positions, taps],
    );
    const gradient = steps.toImage(columns, info, backend);
    backend.disposeIntermediateTensorInfo(columns);
    return gradient;
  });

  return [forward, filterGradient, inputGradient];
}
