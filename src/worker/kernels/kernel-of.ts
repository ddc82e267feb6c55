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

/** A stride-and-padding description of the convolution a gradient kernel belongs to. */
export function convolutionOf(
  inShape: number[],
  filterShape: number[],
  attrs: Pick<tf.Conv2DBackpropInputAttrs, 'strides' | 'pad' | 'dimRoundingMode' | 'dataFormat'>,
): tf.backend_util.Conv2DInfo {
  return tf.backend_util.computeConv2DInfo(
    inShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
    false,
    tf.backend_util.convertConv2DDataFormat(attrs.dataFormat),
  );
}
