import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceData, HostExamples } from './device-data';
import { uploadDataset } from './device-data';

/** 12 colour images of 3×2 whose every pixel value tells its example, row, column and channel. */
function host(): HostExamples {
  const shape: [number, number, number] = [3, 2, 3];
  const size = 3 * 2 * 3;
  const pixels = Uint8Array.from({ length: 12 * size }, (_, i) => (i * 7) % 256);
  const labels = Uint8Array.from({ length: 12 }, (_, n) => n % 4);
  return { shape, labels, pixels };
}

const split = { train: [3, 0, 7, 5, 11, 1, 9, 2], validation: [4, 8], test: [6, 10] };
const scaling = { scale: [0.5, 2, 1], offset: [-1, 0, 3] };

/** The expected image: pixel × scale + offset, per channel, read straight from the host bytes. */
function expected(data: HostExamples, example: number): number[] {
  const [h, w, c] = data.shape;
  const size = h * w * c;
  return Array.from(data.pixels.subarray(example * size, (example + 1) * size), (p, i) => {
    const channel = i % c;
    return p * (scaling.scale[channel] ?? 0) + (scaling.offset[channel] ?? 0);
  });
}

describe('splits on the device and streamed from the host', () => {
  let resident: DeviceData;
  let streamed: DeviceData;
  const data = host();

  beforeAll(async () => {
    await tf.setBackend('cpu');
    resident = uploadDataset(data, split, 4, scaling);
    streamed = uploadDataset(data, split, 4, scaling, 0);
  });

  afterAll(() => {
    resident.dispose();
    streamed.dispose();
  });

  it('keeps the splits where they fit', () => {
    expect(resident.storage).toBe('device');
    expect(streamed.storage).toBe('streamed');
  });

  it('gives each example its own pixels, in image shape, normalised per channel', async () => {
    for (const source of [resident, streamed]) {
      const batch = source.train.take([2, 0, 7]);
      expect(batch.x.shape).toEqual([3, 3, 2, 3]);
      const values = Array.from(await batch.x.data());
      const want = [7, 3, 2].flatMap((example) => expected(data, example));
      values.forEach((value, i) => expect(value).toBeCloseTo(want[i] ?? NaN, 4));
      expect(Array.from(await batch.y.data())).toEqual([7 % 4, 3 % 4, 2 % 4]);
      batch.x.dispose();
      batch.y.dispose();
    }
  });

  it('gives the same batches either way, by position and by range', async () => {
    const pairs = [
      [resident.train.take([5, 1, 4]), streamed.train.take([5, 1, 4])],
      [resident.validation.range(0, 2), streamed.validation.range(0, 2)],
      [resident.test.range(1, 1), streamed.test.range(1, 1)],
    ];
    for (const [a, b] of pairs) {
      expect(a?.x.shape).toEqual(b?.x.shape);
      expect(Array.from((await a?.x.data()) ?? [])).toEqual(Array.from((await b?.x.data()) ?? []));
      expect(Array.from((await a?.y.data()) ?? [])).toEqual(Array.from((await b?.y.data()) ?? []));
      for (const batch of [a, b]) {
        batch?.x.dispose();
        batch?.y.dispose();
      }
    }
  });

  it('holds nothing after a batch beyond the batch itself', () => {
    const before = tf.memory().numTensors;
    const batch = resident.train.take([0, 1]);
    expect(tf.memory().numTensors).toBe(before + 2);
    batch.x.dispose();
    batch.y.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
