import * as tf from '@tensorflow/tfjs';
import { webglColumnSteps } from './columns-webgl';
import { convolutionByProduct } from './convolution-by-product';

let registered = false;

/**
 * Puts the studio's convolution kernels (convolution-by-product.ts) in place of tfjs's WebGL
 * ones, once per worker. Measured only on a software GPU, where the studio trained the
 * starter network at 290 examples/s with them against 184 before (docs/performance.md);
 * tfjs's own stay on a hardware GPU.
 */
export function replaceWebglConvolutions(): void {
  if (registered) return;
  for (const config of convolutionByProduct('webgl', webglColumnSteps)) {
    tf.unregisterKernel(config.kernelName, 'webgl');
    tf.registerKernel(config);
  }
  registered = true;
}
