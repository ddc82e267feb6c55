import * as tf from '@tensorflow/tfjs';

/** One split kept on the device: images scaled to [0, 1] and integer labels. */
export interface DeviceSplit {
  x: tf.Tensor4D;
  y: tf.Tensor1D;
  count: number;
}

export interface DeviceData {
  train: DeviceSplit;
  validation: DeviceSplit;
  test: DeviceSplit;
  classes: number;
}

/** Examples as uint8 pixels, channels-last, with their labels. */
export interface HostExamples {
  shape: [number, number, number];
  labels: Uint8Array;
  pixels: Uint8Array;
}

/** Copies the chosen examples into one split on the device. */
export function uploadSplit(host: HostExamples, indices: ArrayLike<number>): DeviceSplit {
  const [h, w, c] = host.shape;
  const size = h * w * c;
  const count = indices.length;
  const pixels = new Uint8Array(count * size);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const index = indices[i] ?? 0;
    pixels.set(host.pixels.subarray(index * size, (index + 1) * size), i * size);
    labels[i] = host.labels[index] ?? 0;
  }
  const x = tf.tidy(() => tf.tensor4d(pixels, [count, h, w, c], 'int32').toFloat().div(255));
  return { x: x as tf.Tensor4D, y: tf.tensor1d(labels, 'int32'), count };
}

export function disposeSplit(split: DeviceSplit): void {
  split.x.dispose();
  split.y.dispose();
}

export function disposeDeviceData(data: DeviceData): void {
  disposeSplit(data.train);
  disposeSplit(data.validation);
  disposeSplit(data.test);
}
