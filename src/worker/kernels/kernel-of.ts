import * as tf from '@tensorflow/tfjs';

/** A tfjs kernel function, as registered for one backend. */
export type Kernel = (args: {
  inputs: tf.NamedTensorInfoMap;
  backend: tf.KernelBackend;
  attrs: tf.NamedAttrMap;
}) => tf.TensorInfo;

/** What every tfjs backend offers a kernel for its intermediate results. */
export interface KernelBackend extends tf.KernelBackend {
  disposeIntermediateTensorInfo(info: tf.TensorInfo): void;
}

/** `backendName`'s registered kernel called `name`. */
export function kernelOf(name: string, backendName: string): Kernel {
  const config = tf.getKernel(name, backendName);
  if (!config) throw new Error(`tfjs has no ${name} kernel for ${backendName}.`);
  return config.kernelFunc as Kernel;
}

/** The geometry of the convolution a convolution kernel computes or differentiates. */
export function convolutionOf(
  inShape: number[],
  filterShape: number[],
  attrs: Pick<tf.Conv2DAttrs, 'strides' | 'pad' | 'dimRoundingMode' | 'dataFormat'>,
  dilations: tf.Conv2DAttrs['dilations'] = 1,
): tf.backend_util.Conv2DInfo {
  return tf.backend_util.computeConv2DInfo(
    inShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs.strides,
    dilations,
    attrs.pad,
    attrs.dimRoundingMode,
    false,
    tf.backend_util.convertConv2DDataFormat(attrs.dataFormat),
  );
}
