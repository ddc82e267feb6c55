import * as tf from '@tensorflow/tfjs';
import { columnsToImageWebgl } from './columns-to-image-webgl';
import { filterGradientByConvolution } from './filter-gradient';
import { inputGradientByProduct } from './input-gradient';

let registered = false;

/**
 * Puts the studio's convolution gradients in place of tfjs's WebGL kernels, once per
 * worker. Measured only on a software GPU, where they are about three times faster
 * (docs/performance.md); tfjs's kernels stay on a hardware GPU.
 */
export function replaceWebglConvolutionGradients(): void {
  if (registered) return;
  const configs = [
    filterGradientByConvolution('webgl'),
    inputGradientByProduct('webgl', columnsToImageWebgl),
  ];
  for (const config of configs) {
    tf.unregisterKernel(config.kernelName, 'webgl');
    tf.registerKernel(config);
  }
  registered = true;
}
