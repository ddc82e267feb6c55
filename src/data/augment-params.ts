/**
 * The random choices behind one augmented batch, drawn on the host from a seeded generator
 * so a batch can be repeated exactly (the preview strip shows what training would see).
 * The worker turns them into tensor operations; this module only does the arithmetic.
 */
import type { Augmentation } from '../shared/augmentation';
import type { Rng } from '../shared/random';

/** Per-example parameters for a batch of `count` images. */
export interface AugmentParams {
  /**
   * `count` rows of 8: the projective transform of `tf.image.transform`,
   * `[a0, a1, a2, b0, b1, b2, c0, c1]`, mapping each OUTPUT pixel (x = column, y = row)
   * to the INPUT point it samples. Rotation, zoom, shift and both flips are folded into it.
   */
  transforms: Float32Array;
  /** 1 where the example was mirrored left–right (already part of `transforms`). */
  flipHorizontal: Uint8Array;
  /** 1 where the example was mirrored top–bottom (already part of `transforms`). */
  flipVertical: Uint8Array;
  /** Added to every pixel, in [0, 1] units. */
  brightness: Float32Array;
  /** Factor applied around the image's mean; 1 leaves it unchanged. */
  contrast: Float32Array;
  /** Standard deviation of the gaussian noise, in [0, 1] units (the same for the batch). */
  noise: number;
  /** `count` rows of 4: `y0, x0, y1, x1` in pixels, end exclusive; all −1 when cutout is off. */
  cutout: Float32Array;
}

/** One example's geometry, in the order it is applied to the input image. */
export interface Geometry {
  flipHorizontal: boolean;
  flipVertical: boolean;
  /** Radians; positive turns clockwise on screen (rows grow downwards). */
  angle: number;
  /** Greater than 1 enlarges the content (zooms in). */
  scale: number;
  /** Pixels to move the content right and down. */
  shiftX: number;
  shiftY: number;
}

/** Geometry that leaves an image unchanged. */
export const NO_GEOMETRY: Geometry = {
  flipHorizontal: false,
  flipVertical: false,
  angle: 0,
  scale: 1,
  shiftX: 0,
  shiftY: 0,
};

/**
 * The `tf.image.transform` row for one example of `height`×`width` pixels: flip, rotate and
 * scale about the image centre, then shift.
 *
 * The forward map is `out = c + s·R(θ)·F·(in − c) + t` with c the centre
 * (`(width − 1) / 2`, `(height − 1) / 2` — pixel indices, as the kernel samples them) and F the
 * flips. The kernel wants the inverse, `in = c + F·R(−θ)·(out − c − t) / s`, written out here.
 */
export function composeTransform(geometry: Geometry, height: number, width: number): number[] {
  const { angle, scale, shiftX, shiftY } = geometry;
  const fx = geometry.flipHorizontal ? -1 : 1;
  const fy = geometry.flipVertical ? -1 : 1;
  const cos = Math.cos(angle) / scale;
  const sin = Math.sin(angle) / scale;
  // M = F · R(−θ) / s; the flips negate whole rows of R(−θ) = [[cos, sin], [−sin, cos]].
  const m00 = fx * cos;
  const m01 = fx * sin;
  const m10 = -fy * sin;
  const m11 = fy * cos;
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  const ox = cx + shiftX;
  const oy = cy + shiftY;
  const row = [m00, m01, cx - (m00 * ox + m01 * oy), m10, m11, cy - (m10 * ox + m11 * oy), 0, 0];
  // Adding 0 turns −0 (from sin(0) negated) into 0, so an identity row is exactly the identity.
  return row.map((value) => value + 0);
}

/** A uniform draw in [−limit, limit); + 0 keeps a limit of 0 from giving −0. */
const within = (rng: Rng, limit: number) => (2 * rng() - 1) * limit + 0;

/**
 * Draws the augmentation of `count` examples of shape `[height, width, channels]`.
 *
 * Each example takes the same ten draws from `rng` whatever is switched on, so turning one
 * operation up leaves the others' choices as they were (the preview changes only in that
 * respect). Strengths of 0 give identity parameters.
 *
 * @throws Error when `count` is not a non-negative integer or the shape is empty.
 */
export function sampleAugmentParams(
  count: number,
  shape: [number, number, number],
  augmentation: Augmentation,
  rng: Rng,
): AugmentParams {
  if (!Number.isInteger(count) || count < 0) {
    throw new Error(`The batch size must be a non-negative integer, got ${count}.`);
  }
  const [height, width] = shape;
  if (!(height > 0 && width > 0)) {
    throw new Error(`Images must be at least 1×1 pixel to augment, got ${height}×${width}.`);
  }
  const params: AugmentParams = {
    transforms: new Float32Array(count * 8),
    flipHorizontal: new Uint8Array(count),
    flipVertical: new Uint8Array(count),
    brightness: new Float32Array(count),
    contrast: new Float32Array(count),
    noise: augmentation.noise,
    cutout: new Float32Array(count * 4).fill(-1),
  };
  const side = cutoutSide(augmentation.cutout, height, width);
  for (let n = 0; n < count; n++) {
    const geometry: Geometry = {
      flipHorizontal: rng() < augmentation.flipHorizontal,
      flipVertical: rng() < augmentation.flipVertical,
      angle: (within(rng, augmentation.rotation) * Math.PI) / 180,
      scale: 1 + within(rng, augmentation.zoom),
      shiftX: within(rng, augmentation.shift * width),
      shiftY: within(rng, augmentation.shift * height),
    };
    params.transforms.set(composeTransform(geometry, height, width), n * 8);
    params.flipHorizontal[n] = geometry.flipHorizontal ? 1 : 0;
    params.flipVertical[n] = geometry.flipVertical ? 1 : 0;
    params.brightness[n] = within(rng, augmentation.brightness);
    params.contrast[n] = 1 + within(rng, augmentation.contrast);
    const top = Math.floor(rng() * (height - side + 1));
    const left = Math.floor(rng() * (width - side + 1));
    if (side > 0) params.cutout.set([top, left, top + side, left + side], n * 4);
  }
  return params;
}

/**
 * The cutout square's side in pixels: the strength times the shorter side, at least one pixel
 * when the strength is above 0. The square always lies wholly inside the image, so every
 * cutout hides the same area.
 */
export function cutoutSide(strength: number, height: number, width: number): number {
  if (strength <= 0) return 0;
  return Math.max(1, Math.round(strength * Math.min(height, width)));
}
