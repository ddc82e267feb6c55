import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Augmentation, AugmentationField } from '../shared/augmentation';
import { AUGMENTATION_FIELDS, NO_AUGMENTATION } from '../shared/augmentation';
import { createRng } from '../shared/random';
import { augmentBatch, augmentPreview } from './augment';

const augmentation = (fields: Partial<Augmentation>): Augmentation => ({
  ...NO_AUGMENTATION,
  ...fields,
});

/** Every operation at its largest strength. */
const FULL = Object.fromEntries(
  Object.entries(AUGMENTATION_FIELDS).map(([field, { max }]) => [field, max]),
) as unknown as Augmentation;

/** A batch of `count` images whose pixels are a smooth, distinct pattern in [0, 1]. */
function makeBatch(count: number, height: number, width: number, channels: number) {
  const values = new Float32Array(count * height * width * channels);
  for (let i = 0; i < values.length; i++) values[i] = (Math.sin(i * 0.37) + 1) / 2;
  return tf.tensor4d(values, [count, height, width, channels]);
}

async function valuesOf(tensor: tf.Tensor): Promise<Float32Array> {
  const values = Float32Array.from(await tensor.data());
  tensor.dispose();
  return values;
}

describe('augmentBatch', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  const fields = Object.keys(AUGMENTATION_FIELDS) as AugmentationField[];

  it.each(fields)(
    'keeps the shape and the [0, 1] range with %s at full strength',
    async (field) => {
      const x = makeBatch(4, 9, 11, 3);
      const max = AUGMENTATION_FIELDS[field].max;
      const y = augmentBatch(x, augmentation({ [field]: max }), createRng(1));
      expect(y.shape).toEqual([4, 9, 11, 3]);
      const values = await valuesOf(y);
      expect(values.every((value) => value >= 0 && value <= 1)).toBe(true);
      x.dispose();
    },
  );

  it('keeps the shape and range with everything on at once', async () => {
    const x = makeBatch(3, 8, 8, 1);
    const y = augmentBatch(x, FULL, createRng(2));
    expect(y.shape).toEqual([3, 8, 8, 1]);
    expect((await valuesOf(y)).every((value) => value >= 0 && value <= 1)).toBe(true);
    x.dispose();
  });

  it('returns an equal, separate copy when every strength is 0', async () => {
    const x = makeBatch(2, 5, 5, 3);
    const y = augmentBatch(x, NO_AUGMENTATION, createRng(3));
    expect(y).not.toBe(x);
    expect(Array.from(await valuesOf(y))).toEqual(Array.from(await x.data()));
    x.dispose();
  });

  it('mirrors every image exactly with a horizontal flip of probability 1', async () => {
    const image = [
      [0.1, 0.2, 0.3],
      [0.4, 0.5, 0.6],
    ];
    const x = tf.tensor4d([image, image.map((row) => row.map((v) => 1 - v))].flat(2), [2, 2, 3, 1]);
    const y = augmentBatch(x, augmentation({ flipHorizontal: 1 }), createRng(4));
    const expected = tf.reverse(x, 2);
    expect(Array.from(await valuesOf(y))).toEqual(Array.from(await valuesOf(expected)));
    x.dispose();
  });

  it('turns a centred pattern by 180° into the pattern reversed', async () => {
    // With rotation 180 and a generator stuck at 0, every image turns by −180°.
    const size = 7;
    const values = Array.from({ length: size * size }, (_, i) => (i % 5) / 4);
    const x = tf.tensor4d(values, [1, size, size, 1]);
    const y = augmentBatch(x, augmentation({ rotation: 180 }), () => 0);
    const turned = await valuesOf(y);
    const reversed = [...values].reverse();
    turned.forEach((value, i) => expect(value).toBeCloseTo(reversed[i] ?? NaN, 4));
    x.dispose();
  });

  it('transforms every image of a batch, not only the first', async () => {
    const x = tf.ones<tf.Rank.R4>([5, 6, 6, 1]);
    const y = augmentBatch(x, augmentation({ flipVertical: 1 }), createRng(5));
    expect(Array.from(await valuesOf(y)).every((value) => value === 1)).toBe(true);
    x.dispose();
  });

  it('leaves a grey square of the expected size with cutout', async () => {
    const [height, width] = [20, 20];
    const x = tf.zeros<tf.Rank.R4>([3, height, width, 3]);
    const y = augmentBatch(x, augmentation({ cutout: 0.25 }), createRng(6));
    const values = await valuesOf(y);
    for (let n = 0; n < 3; n++) {
      const image = values.subarray(n * height * width * 3, (n + 1) * height * width * 3);
      const grey = image.filter((value) => value === 0.5).length;
      const black = image.filter((value) => value === 0).length;
      expect(grey).toBe(5 * 5 * 3);
      expect(grey + black).toBe(image.length);
      // the grey pixels form one 5×5 block: their rows and columns each span 5
      const positions = [...image.keys()].filter((i) => image[i] === 0.5).map((i) => i / 3);
      const rows = new Set(positions.map((p) => Math.floor(p / width)));
      const columns = new Set(positions.map((p) => Math.floor(p) % width));
      expect(Math.max(...rows) - Math.min(...rows)).toBe(4);
      expect(Math.max(...columns) - Math.min(...columns)).toBe(4);
    }
    x.dispose();
  });

  it('shifts the brightness of each image by its own amount, within the strength', async () => {
    const x = tf.fill<tf.Rank.R4>([6, 4, 4, 1], 0.5);
    const values = await valuesOf(augmentBatch(x, augmentation({ brightness: 0.4 }), createRng(7)));
    const levels = new Set<number>();
    for (let n = 0; n < 6; n++) {
      const image = values.subarray(n * 16, n * 16 + 16);
      const level = image[0] ?? NaN;
      expect(image.every((value) => value === level)).toBe(true);
      expect(Math.abs(level - 0.5)).toBeLessThanOrEqual(0.4 + 1e-6);
      levels.add(level);
    }
    expect(levels.size).toBe(6);
    x.dispose();
  });

  it('stretches contrast around each image mean, which stays where it was', async () => {
    // Each image is half 0.4 and half 0.6: mean 0.5, distance 0.1 from it.
    const pixels = Array.from({ length: 6 * 16 }, (_, i) => (i % 2 === 0 ? 0.4 : 0.6));
    const x = tf.tensor4d(pixels, [6, 4, 4, 1]);
    const values = await valuesOf(augmentBatch(x, augmentation({ contrast: 0.5 }), createRng(8)));
    const spreads = new Set<number>();
    for (let n = 0; n < 6; n++) {
      const image = Array.from(values.subarray(n * 16, n * 16 + 16));
      const mean = image.reduce((sum, value) => sum + value, 0) / image.length;
      expect(mean).toBeCloseTo(0.5, 5);
      const spread = Math.abs((image[0] ?? NaN) - 0.5);
      expect(spread).toBeGreaterThanOrEqual(0.05 - 1e-6);
      expect(spread).toBeLessThanOrEqual(0.15 + 1e-6);
      spreads.add(Math.round(spread * 1e6));
    }
    expect(spreads.size).toBe(6);
    x.dispose();
  });

  it('adds noise of about the requested spread', async () => {
    const x = tf.fill<tf.Rank.R4>([4, 16, 16, 1], 0.5);
    const values = await valuesOf(augmentBatch(x, augmentation({ noise: 0.05 }), createRng(9)));
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
    expect(mean).toBeCloseTo(0.5, 2);
    expect(Math.sqrt(variance)).toBeGreaterThan(0.04);
    expect(Math.sqrt(variance)).toBeLessThan(0.06);
    x.dispose();
  });

  it('gives the same output for the same seed and another for a different seed', async () => {
    const x = makeBatch(3, 10, 10, 3);
    const a = await valuesOf(augmentBatch(x, FULL, createRng(9)));
    const b = await valuesOf(augmentBatch(x, FULL, createRng(9)));
    const c = await valuesOf(augmentBatch(x, FULL, createRng(10)));
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
    x.dispose();
  });

  it('leaks no tensors, inside or outside a tidy', () => {
    const x = makeBatch(4, 8, 8, 3);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) augmentBatch(x, FULL, createRng(i)).dispose();
    tf.tidy(() => {
      augmentBatch(x, FULL, createRng(11));
      augmentBatch(x, NO_AUGMENTATION, createRng(12));
    });
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });
});

describe('augmentPreview', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('reads back rounded uint8 pixels and leaks no tensors', async () => {
    const x = tf.tensor4d([0, 0.5, 1, 0.2], [1, 2, 2, 1]);
    const before = tf.memory().numTensors;
    const pixels = await augmentPreview(x, NO_AUGMENTATION, 1);
    expect(pixels).toBeInstanceOf(Uint8Array);
    expect(Array.from(pixels)).toEqual([0, 128, 255, 51]);
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });

  it('repeats for a seed and changes when rotation is turned on', async () => {
    const x = makeBatch(2, 12, 12, 3);
    const plain = await augmentPreview(x, NO_AUGMENTATION, 5);
    const turned = await augmentPreview(x, augmentation({ rotation: 45 }), 5);
    const again = await augmentPreview(x, augmentation({ rotation: 45 }), 5);
    expect(turned).toEqual(again);
    expect(turned).not.toEqual(plain);
    x.dispose();
  });
});
