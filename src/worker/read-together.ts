import * as tf from '@tensorflow/tfjs';

/** The values of one tensor as read from the device, in its own type. */
export type Values = Float32Array | Int32Array;

const TYPES = ['float32', 'int32'] as const;

/**
 * The most values one joined read holds (16 MB of floats): far inside the largest texture a
 * WebGL backend can hold, and a bounded moment's copy of what is read. Larger groups are read
 * in several joins, and a tensor larger than this on its own.
 */
export const MAX_JOINED_VALUES = 4 * 1024 * 1024;

/** Consecutive runs of `items` whose sizes add up to at most `max` (an item over it alone). */
function runsOf<T extends { size: number }>(items: T[], max: number): T[][] {
  const runs: T[][] = [];
  let current: T[] = [];
  let total = 0;
  for (const item of items) {
    if (current.length > 0 && total + item.size > max) {
      runs.push(current);
      current = [];
      total = 0;
    }
    current.push(item);
    total += item.size;
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

/**
 * Reads several tensors in one readback per type: they are joined on the device into one
 * vector, read once, and split on the host into fresh arrays the caller may keep or transfer.
 * Each readback waits for the device and, on WebGL, compiles a decoding shader for each new
 * shape it reads, so a checkpoint's two dozen weights and moments cost one of each instead of
 * one per tensor. Up to `maxJoined` values go in one join. The tensors are not disposed.
 * Float32 and int32 only.
 */
export async function readTogether(
  tensors: readonly tf.Tensor[],
  maxJoined = MAX_JOINED_VALUES,
): Promise<Values[]> {
  const other = tensors.find((t) => !(TYPES as readonly string[]).includes(t.dtype));
  if (other) throw new Error(`A ${other.dtype} tensor cannot be read with readTogether.`);
  const read = new Array<Values>(tensors.length);
  for (const dtype of TYPES) {
    const group = tensors.flatMap((t, i) => (t.dtype === dtype ? [{ t, i, size: t.size }] : []));
    for (const run of runsOf(group, maxJoined)) {
      const joined = tf.tidy(() => tf.concat(run.map(({ t }) => t.reshape([-1]))));
      let all: Values;
      try {
        all = (await joined.data()) as Values;
      } finally {
        joined.dispose();
      }
      let offset = 0;
      for (const { t, i } of run) {
        // A copy (slice): on the CPU backend data() is the tensor's own storage.
        read[i] = all.slice(offset, offset + t.size);
        offset += t.size;
      }
    }
  }
  return read;
}
