import * as tf from '@tensorflow/tfjs';
import type { Kernel, KernelBackend } from './kernel-of';
import { convolutionOf, kernelOf } from './kernel-of';

/**
 * `Conv2DBackpropFilter` computed as a forward convolution, for stride-1 channels-last
 * convolutions; any other falls back to `backendName`'s own kernel.
 *
 * The filter's gradient is dW[i, j, c, o] = Σ over b, y, x of X[b, y+i, x+j, c] · dY[b, y, x, o]:
 * a convolution of X, its channels taken as the batch and its batch as the channels
 * ([c, H, W, b]), with dY as the filter ([y, x, b, o]), padded as the layer pads. tfjs's
 * WebGL kernel loops over every example and position for each weight, one value per texel
 * fetch; its forward convolution goes through im2col and a packed matrix product, four
 * values per fetch. On a software GPU that is about a third faster (docs/performance.md).
 */
export function filterGradientByConvolution(backendName: string): tf.KernelConfig {
  const own = kernelOf(tf.Conv2DBackpropFilter, backendName);
  const transpose = kernelOf(tf.Transpose, backendName);
  const conv2d = kernelOf(tf.Conv2D, backendName);
  const kernelFunc: Kernel = (args) => {
    const { x, dy } = args.inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
    const attrs = args.attrs as unknown as tf.Conv2DBackpropFilterAttrs;
    const info = convolutionOf(x.shape, attrs.filterShape, attrs);
    if (info.dataFormat !== 'channelsLast' || info.strideHeight !== 1 || info.strideWidth !== 1) {
      return own(args);
    }
    const backend = args.backend as KernelBackend;
    const turn = (t: tf.TensorInfo, perm: number[]) =>
      transpose({ inputs: { x: t }, backend, attrs: { perm } });
    const { top, bottom, left, right } = info.padInfo;
    const images = turn(x, [3, 1, 2, 0]);
    const filter = turn(dy, [1, 2, 0, 3]);
    const pad: tf.backend_util.ExplicitPadding = [
      [0, 0],
      [top, bottom],
      [left, right],
      [0, 0],
    ];
    const turned = conv2d({
      inputs: { x: images, filter },
      backend,
      attrs: { strides: 1, pad, dataFormat: 'NHWC', dilations: 1 },
    });
    const gradient = turn(turned, [1, 2, 0, 3]);
    for (const t of [images, filter, turned]) backend.disposeIntermediateTensorInfo(t);
    return gradient;
  };
  return {
    kernelName: tf.Conv2DBackpropFilter,
    backendName,
    kernelFunc: kernelFunc as tf.KernelFunc,
  };
}
