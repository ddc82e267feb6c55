import * as tf from '@tensorflow/tfjs';
import type { Kernel, KernelBackend } from './kernel-of';
import { convolutionOf, kernelOf } from './kernel-of';

/**
 * Sums a convolution's columns back into its input's shape: for every input position,
 * the columns of the output positions whose window covers it, at the filter tap that
 * reads it (col2im). `columns` is [batch · outHeight · outWidth, filterHeight ·
 * filterWidth · inChannels]; the result is [batch, inHeight, inWidth, inChannels].
 */
export type ColumnsToImage = (
  columns: tf.TensorInfo,
  info: tf.backend_util.Conv2DInfo,
  backend: KernelBackend,
) => tf.TensorInfo;

/**
 * `Conv2DBackpropInput` as one matrix product and col2im, for channels-last
 * convolutions; channels-first ones fall back to `backendName`'s own kernel.
 *
 * dX[b, y, x, c] = Σ over i, j, o of dY[b, (y+top-i)/s, (x+left-j)/s, o] · W[i, j, c, o].
 * The product dY [b·oh·ow, o] × Wᵀ [o, i·j·c] gives every term of that sum, one column
 * per filter tap; `toImage` adds up each input position's terms. tfjs's WebGL kernel
 * instead fetches one value of dY and one of W for every multiply-add; on a software GPU
 * the product and col2im take about a third of its time (docs/performance.md).
 */
export function inputGradientByProduct(
  backendName: string,
  toImage: ColumnsToImage,
): tf.KernelConfig {
  const own = kernelOf(tf.Conv2DBackpropInput, backendName);
  const reshape = kernelOf(tf.Reshape, backendName);
  const matMul = kernelOf(tf.BatchMatMul, backendName);
  const kernelFunc: Kernel = (args) => {
    const { dy, filter } = args.inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
    const attrs = args.attrs as unknown as tf.Conv2DBackpropInputAttrs;
    const info = convolutionOf(attrs.inputShape, filter.shape, attrs);
    if (info.dataFormat !== 'channelsLast') return own(args);
    const backend = args.backend as KernelBackend;
    const { batchSize, outHeight, outWidth, outChannels } = info;
    const { filterHeight, filterWidth, inChannels } = info;
    const positions = batchSize * outHeight * outWidth;
    const taps = filterHeight * filterWidth * inChannels;
    const as = (x: tf.TensorInfo, shape: number[]) =>
      reshape({ inputs: { x }, backend, attrs: { shape } });
    const gradients = as(dy, [1, positions, outChannels]);
    const weights = as(filter, [1, taps, outChannels]);
    const product = matMul({
      inputs: { a: gradients, b: weights },
      backend,
      attrs: { transposeA: false, transposeB: true },
    });
    const columns = as(product, [positions, taps]);
    const image = toImage(columns, info, backend);
    for (const t of [gradients, weights, product, columns]) {
      backend.disposeIntermediateTensorInfo(t);
    }
    return image;
  };
  return {
    kernelName: tf.Conv2DBackpropInput,
    backendName,
    kernelFunc: kernelFunc as tf.KernelFunc,
  };
}
