import * as tf from '@tensorflow/tfjs';

/** The values of one tensor as read from the device, in its own type. */
export type Values = Float32Array | Int32Array;

const TYPES = ['float32', 'int32'] as const;

/**
 * Reads several tensors in one readback per type: they are joined on the device into one
 * vector, read once, and split on the host into fresh arrays the caller may keep or transfer.
 * Each readback waits for the device and, on WebGL, compiles a decoding shader for each new
 * shape it reads, so a checkpoint's two dozen weights and moments cost one of each instead of
 * one per tensor. The tensors are not disposed. Float32 and int32 only.
 */
export async function readTogether(tensors: readonly tf.Tensor[]): Promise<Values[]> {
  const other = tensors.find((t) => !(TYPES as readonly string[]).includes(t.dtype));
  if (other) throw new Error(`A ${other.dtype} tensor cannot be read with readTogether.`);
  const read = new Array<Values>(tensors.length);
  for (const dtype of TYPES) {
    const group = tensors.flatMap((t, i) => (t.dtype === dtype ? [{ t, i }] : []));
    if (group.length === 0) continue;
    const joined = tf.tidy(() => tf.concat(group.map(({ t }) => t.reshape([-1]))));
    let all: Values;
    try {
      all = (await joined.data()) as Values;
    } finally {
      joined.dispose();
    }
    let offset = 0;
    for (const { t, i } of group) {
      // A copy (slice): on the CPU backend data() is the tensor's own storage.
      read[i] = all.slice(offset, offset + t.size);
      offset += t.size;
    }
  }
  return read;
}
