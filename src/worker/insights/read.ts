import type * as tf from '@tensorflow/tfjs';

/**
 * The tensor's values as a fresh Float32Array that the result may transfer. On the CPU
 * backend `data()` returns the tensor's own storage (shared with reshapes of it and with
 * weights), so transferring it would detach memory the worker still uses: hence the copy.
 */
export async function readFloat(tensor: tf.Tensor): Promise<Float32Array> {
  return new Float32Array(await tensor.data());
}

/** Reads then disposes, whether or not the read succeeds. */
export async function readAndDispose(tensor: tf.Tensor): Promise<Float32Array> {
  try {
    return await readFloat(tensor);
  } finally {
    tensor.dispose();
  }
}
