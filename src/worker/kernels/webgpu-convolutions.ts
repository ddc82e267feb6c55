import * as tf from '@tensorflow/tfjs';
import { directConvolutionKernels } from './direct-convolution-webgpu';
import { directGradientKernels } from './direct-gradients-webgpu';

let registered = false;

/**
 * Puts the studio's direct convolution programs (direct-convolution-webgpu.ts, and their
 * gradients in direct-gradients-webgpu.ts) in place of tfjs's WebGPU kernels, once per
 * worker. Measured only on a software GPU, where tfjs's tiled programs cost most of a
 * training step (docs/performance.md); tfjs's own stay on a hardware GPU.
 */
export function replaceWebgpuConvolutions(): void {
  if (registered) return;
  for (const config of [...directConvolutionKernels(), ...directGradientKernels()]) {
    tf.unregisterKernel(config.kernelName, 'webgpu');
    tf.registerKernel(config);
  }
  registered = true;
}
