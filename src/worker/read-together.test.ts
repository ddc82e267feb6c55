import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { readTogether } from './read-together';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('readTogether', () => {
  it('gives each tensor its own values, in order and in its own type, as one read would', async () => {
    const tensors = [
      tf.tensor4d([1, 2, 3, 4, 5, 6], [1, 2, 3, 1]),
      tf.scalar(7, 'int32'),
      tf.tensor1d([8.5]),
      tf.tensor2d([9, 10, 11, 12], [2, 2], 'int32'),
      tf.tensor1d([]),
      tf.scalar(-0.25),
    ];
    const read = await readTogether(tensors);
    expect(read).toHaveLength(tensors.length);
    for (const [i, tensor] of tensors.entries()) {
      const values = read[i];
      expect(values?.constructor).toBe(tensor.dtype === 'int32' ? Int32Array : Float32Array);
      expect(Array.from(values ?? [])).toEqual(Array.from(tensor.dataSync()));
    }
    tf.dispose(tensors);
  });

  it('reads the device once per type, leaves no tensor behind and disposes none of its inputs', async () => {
    const tensors = [
      tf.ones([3, 3]),
      tf.zeros([2], 'int32'),
      tf.fill([4], 2),
      tf.scalar(5, 'int32'),
    ];
    const reads = vi.spyOn(tf.Tensor.prototype, 'data');
    const before = tf.memory().numTensors;
    const read = await readTogether(tensors);
    expect(reads).toHaveBeenCalledTimes(2);
    reads.mockRestore();
    expect(tf.memory().numTensors).toBe(before);
    expect(tensors.every((t) => !t.isDisposed)).toBe(true);
    expect(read.map((values) => Array.from(values))).toEqual([
      [1, 1, 1, 1, 1, 1, 1, 1, 1],
      [0, 0],
      [2, 2, 2, 2],
      [5],
    ]);
    tf.dispose(tensors);
  });

  it('joins at most the given number of values at a time, and a larger tensor alone', async () => {
    const tensors = [tf.fill([3], 1), tf.fill([3], 2), tf.fill([9], 3), tf.fill([2], 4)];
    const reads = vi.spyOn(tf.Tensor.prototype, 'data');
    const read = await readTogether(tensors, 6);
    // [1 1 1 2 2 2], then [3 × 9] alone, then [4 4].
    expect(reads).toHaveBeenCalledTimes(3);
    reads.mockRestore();
    expect(read.map((values) => Array.from(values))).toEqual(
      tensors.map((t) => Array.from(t.dataSync())),
    );
    tf.dispose(tensors);
  });

  it('hands out copies: writing to one changes neither the tensor nor the others', async () => {
    const a = tf.tensor1d([1, 2]);
    const b = tf.tensor1d([3, 4]);
    const [first, second] = await readTogether([a, b]);
    first?.fill(0);
    expect(Array.from(a.dataSync())).toEqual([1, 2]);
    expect(Array.from(second ?? [])).toEqual([3, 4]);
    tf.dispose([a, b]);
  });

  it('reads nothing for no tensors', async () => {
    expect(await readTogether([])).toEqual([]);
  });

  it('refuses a type it cannot join, before reading anything', async () => {
    const tensors = [tf.scalar(1), tf.tensor1d([true, false], 'bool')];
    const reads = vi.spyOn(tf.Tensor.prototype, 'data');
    await expect(readTogether(tensors)).rejects.toThrow(/bool tensor/);
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();
    tf.dispose(tensors);
  });
});
