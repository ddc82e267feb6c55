import * as tf from '@tensorflow/tfjs';
import type { Storage } from '../shared/dataset';

/** Examples as uint8 pixels, channels-last, with their labels. */
export interface HostExamples {
  shape: [number, number, number];
  labels: Uint8Array;
  pixels: Uint8Array;
}

/** Images ready for the network (normalised, float32) and their integer labels. */
export interface Batch {
  x: tf.Tensor4D;
  y: tf.Tensor1D;
}

/** Changes a batch of images in [0, 1] (training augmentation); returns a new tensor. */
export type Augment = (x01: tf.Tensor4D) => tf.Tensor4D;

/** Per-channel `pixel * scale + offset`, pixels in 0–255 (see src/data/normalisation.ts). */
export interface Scaling {
  scale: number[];
  offset: number[];
}

/** The identity of the foundation: pixels divided by 255. */
export const UNIT_SCALING: Scaling = { scale: [1 / 255], offset: [0] };

/**
 * One split, wherever its examples live. Every batch comes out normalised the same way, so
 * training, evaluation and insights see identical inputs.
 */
export interface SplitSource {
  readonly count: number;
  /** The examples at these positions of the split; `augment` acts before normalisation. */
  take(positions: ArrayLike<number>, augment?: Augment): Batch;
  /** Positions `start` to `start + size - 1`. */
  range(start: number, size: number): Batch;
  dispose(): void;
}

export interface DeviceData {
  train: SplitSource;
  validation: SplitSource;
  test: SplitSource;
  classes: number;
  storage: Storage;
  /** Images given as uint8 pixels of the dataset's shape, normalised like every split. */
  fromPixels(pixels: Uint8Array, count: number): tf.Tensor4D;
  dispose(): void;
}

/**
 * Float32 bytes the splits may occupy on the device before they are streamed from the
 * host batch by batch instead: a software or integrated GPU shares this memory with the page.
 */
export const RESIDENT_BUDGET_BYTES = 384 * 1024 * 1024;

/** Multiplies images in [0, 1] into the network's input range. */
export class Normaliser {
  private readonly scale: tf.Tensor1D;
  private readonly offset: tf.Tensor1D;
  /** Pixels divided by 255, the foundation's scaling: images in [0, 1] are used as they are. */
  private readonly identity: boolean;

  constructor(scaling: Scaling, channels: number) {
    const perChannel = (values: number[]) =>
      Array.from({ length: channels }, (_, c) => values[c] ?? values[0] ?? 0);
    // x01 * 255 * scale + offset = pixel * scale + offset.
    const scale = perChannel(scaling.scale).map((s) => s * 255);
    const offset = perChannel(scaling.offset);
    this.identity = scale.every((s) => s === 1) && offset.every((o) => o === 0);
    this.scale = tf.tensor1d(scale);
    this.offset = tf.tensor1d(offset);
  }

  /** The images in the network's range; the same tensor when that range is [0, 1]. */
  apply(x01: tf.Tensor4D): tf.Tensor4D {
    if (this.identity) return x01;
    return x01.mul<tf.Tensor4D>(this.scale).add<tf.Tensor4D>(this.offset);
  }

  dispose(): void {
    this.scale.dispose();
    this.offset.dispose();
  }
}

const positionsTensor = (positions: ArrayLike<number>) =>
  tf.tensor1d(Int32Array.from(positions), 'int32');

const rangePositions = (start: number, size: number) =>
  Int32Array.from({ length: size }, (_, i) => start + i);

/** Gathers the chosen examples of `host` into one contiguous uint8 block and their labels. */
function gatherHost(host: HostExamples, indices: ArrayLike<number>) {
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
  return { pixels, labels };
}

const toUnit = (pixels: Uint8Array, shape: [number, number, number], count: number) =>
  tf.tidy(() =>
    tf
      .tensor4d(pixels, [count, ...shape], 'int32')
      .toFloat()
      .div<tf.Tensor4D>(255),
  );

/**
 * A split held on the device whole, as float32 in [0, 1], one row of pixels per example.
 * Uploaded as floats so the WebGL backend keeps it unpacked: a batch is then a gather of rows
 * straight from it. Computed on the device (a cast and a division), it would be packed, and
 * every gather would first repack the whole split (tfjs' gather reads unpacked rows), a copy
 * of every example at every step.
 */
class ResidentSplit implements SplitSource {
  readonly count: number;
  private readonly rows: tf.Tensor2D;
  private readonly y: tf.Tensor1D;
  private readonly shape: [number, number, number];

  constructor(
    host: HostExamples,
    indices: ArrayLike<number>,
    private readonly normaliser: Normaliser,
  ) {
    const { pixels, labels } = gatherHost(host, indices);
    this.count = indices.length;
    const [h, w, c] = host.shape;
    this.rows = tf.tensor2d(unitFloats(pixels), [this.count, h * w * c]);
    this.y = tf.tensor1d(labels, 'int32');
    this.shape = host.shape;
  }

  private images(rows: tf.Tensor2D): tf.Tensor4D {
    return tf.reshape(rows, [rows.shape[0], ...this.shape]);
  }

  take(positions: ArrayLike<number>, augment?: Augment): Batch {
    return tf.tidy(() => {
      const at = positionsTensor(positions);
      const x01 = this.images(tf.gather(this.rows, at));
      return { x: this.normaliser.apply(augment ? augment(x01) : x01), y: tf.gather(this.y, at) };
    });
  }

  range(start: number, size: number): Batch {
    return tf.tidy(() => ({
      x: this.normaliser.apply(this.images(this.rows.slice(start, size))),
      y: this.y.slice(start, size),
    }));
  }

  dispose(): void {
    this.rows.dispose();
    this.y.dispose();
  }
}

/** Pixels 0–255 as float32 in [0, 1]. */
function unitFloats(pixels: Uint8Array): Float32Array {
  const floats = new Float32Array(pixels.length);
  for (let i = 0; i < pixels.length; i++) floats[i] = (pixels[i] ?? 0) / 255;
  return floats;
}

/** A split left on the host as uint8; each batch is packed there and uploaded on its own. */
class StreamedSplit implements SplitSource {
  readonly count: number;

  constructor(
    private readonly host: HostExamples,
    private readonly indices: ArrayLike<number>,
    private readonly normaliser: Normaliser,
  ) {
    this.count = indices.length;
  }

  take(positions: ArrayLike<number>, augment?: Augment): Batch {
    const chosen = Array.from(positions, (p) => this.indices[p] ?? 0);
    const { pixels, labels } = gatherHost(this.host, chosen);
    return tf.tidy(() => {
      const x01 = toUnit(pixels, this.host.shape, chosen.length);
      return {
        x: this.normaliser.apply(augment ? augment(x01) : x01),
        y: tf.tensor1d(labels, 'int32'),
      };
    });
  }

  range(start: number, size: number): Batch {
    return this.take(rangePositions(start, size));
  }

  dispose(): void {}
}

/** Example indices of each split. */
export interface SplitIndices {
  train: ArrayLike<number>;
  validation: ArrayLike<number>;
  test: ArrayLike<number>;
}

/**
 * Puts the splits of `host` where they fit: whole on the device when their float32 size fits
 * the budget, else streamed from the host batch by batch.
 */
export function uploadDataset(
  host: HostExamples,
  split: SplitIndices,
  classes: number,
  scaling: Scaling = UNIT_SCALING,
  budget = RESIDENT_BUDGET_BYTES,
): DeviceData {
  const normaliser = new Normaliser(scaling, host.shape[2]);
  const storage = storageFor(host.shape, host.labels.length, budget);
  const upload = (indices: ArrayLike<number>): SplitSource =>
    storage === 'device'
      ? new ResidentSplit(host, indices, normaliser)
      : new StreamedSplit(host, indices, normaliser);
  const parts = {
    train: upload(split.train),
    validation: upload(split.validation),
    test: upload(split.test),
  };
  return {
    ...parts,
    classes,
    storage,
    fromPixels: (pixels, count) => toNormalised(pixels, host.shape, count, normaliser),
    dispose() {
      parts.train.dispose();
      parts.validation.dispose();
      parts.test.dispose();
      normaliser.dispose();
    },
  };
}

function toNormalised(
  pixels: Uint8Array,
  shape: [number, number, number],
  count: number,
  normaliser: Normaliser,
): tf.Tensor4D {
  return tf.tidy(() => normaliser.apply(toUnit(pixels, shape, count)));
}

/** Where splits of this many examples should live. */
export function storageFor(
  shape: [number, number, number],
  examples: number,
  budget = RESIDENT_BUDGET_BYTES,
): Storage {
  const [h, w, c] = shape;
  return examples * h * w * c * 4 <= budget ? 'device' : 'streamed';
}
