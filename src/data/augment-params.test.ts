import { describe, expect, it } from 'vitest';
import type { Augmentation } from '../shared/augmentation';
import { NO_AUGMENTATION } from '../shared/augmentation';
import { createRng } from '../shared/random';
import type { Geometry } from './augment-params';
import { NO_GEOMETRY, composeTransform, cutoutSide, sampleAugmentParams } from './augment-params';

const IDENTITY = [1, 0, 0, 0, 1, 0, 0, 0];

const augmentation = (fields: Partial<Augmentation>): Augmentation => ({
  ...NO_AUGMENTATION,
  ...fields,
});

/** A transform row's eight entries by name (NaN for a missing one, so a short row fails). */
function entries(row: ArrayLike<number>) {
  const [a0 = NaN, a1 = NaN, a2 = NaN, b0 = NaN, b1 = NaN, b2 = NaN, c0 = NaN, c1 = NaN] =
    Array.from(row);
  return { a0, a1, a2, b0, b1, b2, c0, c1 };
}

/** Where an output pixel samples the input, by the kernel's formula. */
function sourceOf(row: ArrayLike<number>, x: number, y: number): [number, number] {
  const { a0, a1, a2, b0, b1, b2, c0, c1 } = entries(row);
  const k = c0 * x + c1 * y + 1;
  return [(a0 * x + a1 * y + a2) / k, (b0 * x + b1 * y + b2) / k];
}

const geometry = (fields: Partial<Geometry>): Geometry => ({ ...NO_GEOMETRY, ...fields });

const rows = (transforms: Float32Array) =>
  Array.from({ length: transforms.length / 8 }, (_, n) => transforms.subarray(n * 8, n * 8 + 8));

describe('composeTransform', () => {
  it('is the identity matrix for no geometry', () => {
    expect(composeTransform(NO_GEOMETRY, 28, 28)).toEqual(IDENTITY);
  });

  it('turns 90° clockwise: the top-right output corner comes from the top-left input', () => {
    const row = composeTransform(geometry({ angle: Math.PI / 2 }), 5, 5);
    const [x, y] = sourceOf(row, 4, 0);
    expect(x).toBeCloseTo(0, 10);
    expect(y).toBeCloseTo(0, 10);
    // and the bottom-right output corner comes from the top-right input
    const [x2, y2] = sourceOf(row, 4, 4);
    expect(x2).toBeCloseTo(4, 10);
    expect(y2).toBeCloseTo(0, 10);
  });

  it('keeps the centre fixed when rotating and zooming a non-square image', () => {
    const row = composeTransform(geometry({ angle: 0.7, scale: 1.3 }), 6, 9);
    const [x, y] = sourceOf(row, 4, 2.5);
    expect(x).toBeCloseTo(4, 10);
    expect(y).toBeCloseTo(2.5, 10);
  });

  it('mirrors exactly, in whole pixels, for flips', () => {
    const both = composeTransform(geometry({ flipHorizontal: true, flipVertical: true }), 4, 6);
    expect(sourceOf(both, 0, 0)).toEqual([5, 3]);
    expect(sourceOf(both, 2, 1)).toEqual([3, 2]);
  });

  it('zooms in for a scale above 1: an output pixel samples closer to the centre', () => {
    const row = composeTransform(geometry({ scale: 2 }), 5, 5);
    expect(sourceOf(row, 4, 0)).toEqual([3, 1]);
  });

  it('moves the content right and down for a positive shift', () => {
    const row = composeTransform(geometry({ shiftX: 2, shiftY: 1 }), 5, 5);
    expect(sourceOf(row, 2, 1)).toEqual([0, 0]);
  });
});

describe('sampleAugmentParams', () => {
  it('gives identity parameters when every strength is 0', () => {
    const params = sampleAugmentParams(5, [8, 8, 3], NO_AUGMENTATION, createRng(1));
    for (const row of rows(params.transforms)) expect(Array.from(row)).toEqual(IDENTITY);
    expect(Array.from(params.flipHorizontal)).toEqual([0, 0, 0, 0, 0]);
    expect(Array.from(params.flipVertical)).toEqual([0, 0, 0, 0, 0]);
    expect(Array.from(params.brightness)).toEqual([0, 0, 0, 0, 0]);
    expect(Array.from(params.contrast)).toEqual([1, 1, 1, 1, 1]);
    expect(params.noise).toBe(0);
    expect(params.cutout.every((value) => value === -1)).toBe(true);
  });

  it('flips every example when the probability is 1, and folds the flip into the transform', () => {
    const params = sampleAugmentParams(
      20,
      [4, 6, 1],
      augmentation({ flipHorizontal: 1, flipVertical: 1 }),
      createRng(2),
    );
    expect(params.flipHorizontal.every((flag) => flag === 1)).toBe(true);
    expect(params.flipVertical.every((flag) => flag === 1)).toBe(true);
    for (const row of rows(params.transforms)) expect(sourceOf(row, 0, 0)).toEqual([5, 3]);
  });

  it('flips about the given share of examples', () => {
    const params = sampleAugmentParams(
      4000,
      [4, 4, 1],
      augmentation({ flipHorizontal: 0.25 }),
      createRng(3),
    );
    const flipped = params.flipHorizontal.reduce((sum, flag) => sum + flag, 0);
    expect(flipped / 4000).toBeGreaterThan(0.22);
    expect(flipped / 4000).toBeLessThan(0.28);
    expect(params.flipVertical.every((flag) => flag === 0)).toBe(true);
  });

  it('turns by exactly the largest angle when the generator is at its lowest', () => {
    const params = sampleAugmentParams(1, [5, 5, 1], augmentation({ rotation: 90 }), () => 0);
    // the draw of 0 gives −90°: anticlockwise, so the top-left output comes from the top-right
    const [x, y] = sourceOf(params.transforms, 0, 0);
    expect(x).toBeCloseTo(4, 5);
    expect(y).toBeCloseTo(0, 5);
  });

  it('keeps every random choice inside its range', () => {
    const strengths = augmentation({
      rotation: 30,
      zoom: 0.2,
      shift: 0.1,
      brightness: 0.3,
      contrast: 0.4,
      noise: 0.05,
    });
    const [height, width] = [20, 30];
    const params = sampleAugmentParams(500, [height, width, 3], strengths, createRng(4));
    const centre: [number, number] = [(width - 1) / 2, (height - 1) / 2];
    for (const row of rows(params.transforms)) {
      // |det| of the linear part is 1/scale²; the rotation angle is atan2 of its entries
      const { a0, a1, b0, b1 } = entries(row);
      const scale = 1 / Math.sqrt(a0 * b1 - a1 * b0);
      expect(scale).toBeGreaterThanOrEqual(0.8 - 1e-5);
      expect(scale).toBeLessThanOrEqual(1.2 + 1e-5);
      const degrees = (Math.atan2(a1, a0) * 180) / Math.PI;
      expect(Math.abs(degrees)).toBeLessThanOrEqual(30 + 1e-4);
      // the input centre lands at most shift × size away from the output centre
      const [sx, sy] = sourceOf(row, centre[0], centre[1]);
      const [dx, dy] = [centre[0] - sx, centre[1] - sy];
      expect(Math.hypot(dx, dy)).toBeLessThanOrEqual((Math.hypot(3, 2) / scale) * 1.0001);
    }
    for (const value of params.brightness) expect(Math.abs(value)).toBeLessThanOrEqual(0.3);
    for (const value of params.contrast) {
      expect(value).toBeGreaterThanOrEqual(0.6);
      expect(value).toBeLessThanOrEqual(1.4);
    }
    expect(params.noise).toBe(0.05);
  });

  it('places a cutout square of the expected side wholly inside the image', () => {
    const params = sampleAugmentParams(
      300,
      [10, 16, 1],
      augmentation({ cutout: 0.3 }),
      createRng(5),
    );
    for (let n = 0; n < 300; n++) {
      const [y0 = NaN, x0 = NaN, y1 = NaN, x1 = NaN] = params.cutout.subarray(n * 4, n * 4 + 4);
      expect(y1 - y0).toBe(3);
      expect(x1 - x0).toBe(3);
      expect(y0).toBeGreaterThanOrEqual(0);
      expect(x0).toBeGreaterThanOrEqual(0);
      expect(y1).toBeLessThanOrEqual(10);
      expect(x1).toBeLessThanOrEqual(16);
    }
  });

  it('is the same for the same seed and different for another', () => {
    const strengths = augmentation({ flipHorizontal: 0.5, rotation: 20, cutout: 0.2, zoom: 0.1 });
    const a = sampleAugmentParams(16, [12, 12, 3], strengths, createRng(7));
    const b = sampleAugmentParams(16, [12, 12, 3], strengths, createRng(7));
    const c = sampleAugmentParams(16, [12, 12, 3], strengths, createRng(8));
    expect(a).toEqual(b);
    expect(a.transforms).not.toEqual(c.transforms);
  });

  it('leaves the other choices unchanged when one operation is turned up', () => {
    const before = sampleAugmentParams(
      8,
      [9, 9, 1],
      augmentation({ flipHorizontal: 0.5 }),
      createRng(9),
    );
    const after = sampleAugmentParams(
      8,
      [9, 9, 1],
      augmentation({ flipHorizontal: 0.5, rotation: 45 }),
      createRng(9),
    );
    expect(after.flipHorizontal).toEqual(before.flipHorizontal);
  });

  it('refuses a batch size that is not a whole number', () => {
    expect(() => sampleAugmentParams(2.5, [4, 4, 1], NO_AUGMENTATION, createRng(1))).toThrow(
      /batch size/,
    );
  });
});

describe('cutoutSide', () => {
  it('is a share of the shorter side, at least one pixel, and 0 when off', () => {
    expect(cutoutSide(0, 28, 28)).toBe(0);
    expect(cutoutSide(0.5, 28, 28)).toBe(14);
    expect(cutoutSide(0.25, 32, 64)).toBe(8);
    expect(cutoutSide(0.01, 28, 28)).toBe(1);
  });
});
