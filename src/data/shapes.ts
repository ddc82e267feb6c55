/**
 * The procedural "colour shapes" dataset: small RGB images of one filled shape each, on a
 * plain or gradient background, with varied position, size, rotation, colours and noise.
 * It needs no download, so it is the default colour dataset, and the same seed always draws
 * the same images.
 */
import { createRng, shuffleInPlace, type Rng } from '../shared/random';

/** The classes, in label order. */
export const SHAPE_CLASSES = ['circle', 'square', 'triangle', 'star', 'cross', 'ring'] as const;

export type ShapeClass = (typeof SHAPE_CLASSES)[number];

type Rgb = [number, number, number];

/** Everything that decides how one image looks. */
export interface ShapeParams {
  shape: ShapeClass;
  /** Centre in pixels, from the top-left corner. */
  centreX: number;
  centreY: number;
  /** Distance from the centre to the shape's furthest point, in pixels. */
  radius: number;
  /** Rotation in radians. */
  angle: number;
  /** Background colours at the two ends of the gradient (equal for a plain background). */
  background: [Rgb, Rgb];
  /** Unit direction in which the gradient runs from the first colour to the second. */
  gradient: [number, number];
  foreground: Rgb;
  /** Standard deviation of the added noise, in pixel units (0–255). */
  noise: number;
  /** Seeds the noise, so drawing the same parameters gives the same pixels. */
  noiseSeed: number;
}

/** Smallest luma difference between the shape and any background colour. */
export const MIN_CONTRAST = 64;

/** How far the gradient's second colour may stray from the first, per channel. */
const GRADIENT_SPREAD = 60;

/**
 * Shape size as a fraction of the image side: from 50 % to 90 %. Smaller shapes cover too few
 * of the 32×32 pixels for a small network to tell a star from a cross in a few epochs.
 */
const MIN_DIAMETER = 0.5;
const MAX_DIAMETER = 0.9;

const MAX_NOISE = 10;

/** Perceived brightness (ITU-R BT.601 weights), 0–255. */
export function luma([r, g, b]: Rgb): number {
  return 0.299 * r + 0.587 * g + 0.114 * b;
}

function randomColour(rng: Rng): Rgb {
  return [Math.floor(rng() * 256), Math.floor(rng() * 256), Math.floor(rng() * 256)];
}

function clampByte(value: number): number {
  return value < 0 ? 0 : value > 255 ? 255 : value;
}

/** Picks a foreground colour far enough in brightness from both background colours. */
function contrastingColour(background: [Rgb, Rgb], rng: Rng): Rgb {
  const contrasts = (colour: Rgb) =>
    background.every((shade) => Math.abs(luma(colour) - luma(shade)) >= MIN_CONTRAST);
  for (let attempt = 0; attempt < 20; attempt++) {
    const colour = randomColour(rng);
    if (contrasts(colour)) return colour;
  }
  // The background lumas lie within GRADIENT_SPREAD of each other, so black or white always
  // clears the minimum: take whichever is further from the background.
  const middle = (luma(background[0]) + luma(background[1])) / 2;
  return middle >= 128 ? [0, 0, 0] : [255, 255, 255];
}

/**
 * Draws the parameters of one image of class `label`.
 *
 * @param size the image side in pixels.
 */
export function randomShapeParams(label: number, size: number, rng: Rng): ShapeParams {
  const shape = SHAPE_CLASSES[label];
  if (shape === undefined) throw new Error(`there is no shape class ${label}`);
  const first = randomColour(rng);
  const second: Rgb =
    rng() < 0.5
      ? [...first]
      : [
          clampByte(Math.round(first[0] + (rng() * 2 - 1) * GRADIENT_SPREAD)),
          clampByte(Math.round(first[1] + (rng() * 2 - 1) * GRADIENT_SPREAD)),
          clampByte(Math.round(first[2] + (rng() * 2 - 1) * GRADIENT_SPREAD)),
        ];
  const gradientAngle = rng() * 2 * Math.PI;
  const background: [Rgb, Rgb] = [first, second];
  const radius = (size * (MIN_DIAMETER + rng() * (MAX_DIAMETER - MIN_DIAMETER))) / 2;
  // Every shape fits in its circle of `radius`, so this keeps it whole inside the image.
  const centreX = radius + rng() * (size - 2 * radius);
  const centreY = radius + rng() * (size - 2 * radius);
  return {
    shape,
    centreX,
    centreY,
    radius,
    angle: rng() * 2 * Math.PI,
    background,
    gradient: [Math.cos(gradientAngle), Math.sin(gradientAngle)],
    foreground: contrastingColour(background, rng),
    noise: rng() * MAX_NOISE,
    noiseSeed: Math.floor(rng() * 2 ** 32),
  };
}

/** Outward normals of an equilateral triangle's edges; its inradius is half its circumradius. */
const TRIANGLE_NORMALS = [270, 30, 150].map(toUnitVector);
/** A pentagram is the points beyond at most one edge of its inner pentagon. */
const STAR_NORMALS = [90, 162, 234, 306, 18].map(toUnitVector);
/** Inner pentagon's inradius for tips at distance 1: cos 72°. */
const STAR_INRADIUS = Math.cos((72 * Math.PI) / 180);
const SQUARE_HALF_SIDE = 0.7;
const CROSS_HALF_WIDTH = 0.25;
const CROSS_HALF_LENGTH = 0.9;
const RING_INNER_SQUARED = 0.55 * 0.55;

function toUnitVector(degrees: number): [number, number] {
  const radians = (degrees * Math.PI) / 180;
  return [Math.cos(radians), Math.sin(radians)];
}

/** Tells whether a point, in the shape's own frame scaled to the unit circle, is inside. */
type InsideTest = (u: number, v: number) => boolean;

const [T0, T1, T2] = TRIANGLE_NORMALS as [[number, number], [number, number], [number, number]];
const S = STAR_NORMALS.flat();

/** One test per class, picked once per image so the per-sample work stays branch-light. */
const INSIDE: Record<ShapeClass, InsideTest> = {
  circle: (u, v) => u * u + v * v <= 1,
  ring: (u, v) => {
    const squared = u * u + v * v;
    return squared <= 1 && squared >= RING_INNER_SQUARED;
  },
  square: (u, v) => Math.abs(u) <= SQUARE_HALF_SIDE && Math.abs(v) <= SQUARE_HALF_SIDE,
  cross: (u, v) => {
    const au = Math.abs(u);
    const av = Math.abs(v);
    return (
      (au <= CROSS_HALF_WIDTH && av <= CROSS_HALF_LENGTH) ||
      (av <= CROSS_HALF_WIDTH && au <= CROSS_HALF_LENGTH)
    );
  },
  triangle: (u, v) =>
    u * T0[0] + v * T0[1] <= 0.5 && u * T1[0] + v * T1[1] <= 0.5 && u * T2[0] + v * T2[1] <= 0.5,
  star: (u, v) => {
    let outside = 0;
    for (let k = 0; k < 10; k += 2) if (u * S[k]! + v * S[k + 1]! > STAR_INRADIUS) outside++;
    return outside <= 1;
  },
};

/** Whether a point, in the shape's own frame scaled so the shape fits the unit circle, is inside. */
export function insideShape(shape: ShapeClass, u: number, v: number): boolean {
  return INSIDE[shape](u, v);
}

/** Standard normal values, drawn once, so per-pixel noise costs a table look-up. */
const GAUSSIAN = makeGaussianTable(4096);

function makeGaussianTable(length: number): Float32Array {
  const rng = createRng(0x5eed);
  const table = new Float32Array(length);
  for (let i = 0; i < length; i += 2) {
    // Box–Muller; 1 - rng() is in (0, 1], so the logarithm is finite.
    const r = Math.sqrt(-2 * Math.log(1 - rng()));
    const theta = 2 * Math.PI * rng();
    table[i] = r * Math.cos(theta);
    table[i + 1] = r * Math.sin(theta);
  }
  return table;
}

/**
 * Draws one RGB image into `out` at `offset` (size × size × 3, channels-last).
 * The shape's edge is anti-aliased by the fraction of a 2×2 grid of sub-samples it covers.
 */
export function drawShape(
  params: ShapeParams,
  out: Uint8Array,
  offset: number,
  size: number,
): void {
  const { centreX, centreY, radius, background, gradient, foreground, noise } = params;
  const inside = INSIDE[params.shape];
  const cos = Math.cos(params.angle) / radius;
  const sin = Math.sin(params.angle) / radius;
  const [from, to] = background;
  const half = size / 2;
  // Only pixels near the shape need sub-sampling; the rest are background.
  const left = Math.max(0, Math.floor(centreX - radius));
  const right = Math.min(size - 1, Math.ceil(centreX + radius));
  const top = Math.max(0, Math.floor(centreY - radius));
  const bottom = Math.min(size - 1, Math.ceil(centreY + radius));
  // Plain numbers rather than tuples in the hot loop below.
  const [from0, from1, from2] = from;
  const [span0, span1, span2] = [to[0] - from0, to[1] - from1, to[2] - from2];
  const [fore0, fore1, fore2] = foreground;
  const [gx, gy] = [gradient[0] / size, gradient[1] / size];
  let state = params.noiseSeed >>> 0 || 1;
  // xorshift32 gives a cheap per-value index into the noise table; + 0.5 then `| 0` rounds.
  const noisy = (value: number): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    const noisy = value + noise * GAUSSIAN[state & 4095]! + 0.5;
    return noisy <= 0 ? 0 : noisy >= 255 ? 255 : noisy | 0;
  };
  let at = offset;
  for (let y = 0; y < size; y++) {
    const inRows = y >= top && y <= bottom;
    for (let x = 0; x < size; x++, at += 3) {
      let cover = 0;
      if (inRows && x >= left && x <= right) {
        for (let sy = 0.25; sy < 1; sy += 0.5) {
          const dy = y + sy - centreY;
          for (let sx = 0.25; sx < 1; sx += 0.5) {
            const dx = x + sx - centreX;
            if (inside(dx * cos + dy * sin, dy * cos - dx * sin)) cover += 0.25;
          }
        }
      }
      const along = (x + 0.5 - half) * gx + (y + 0.5 - half) * gy + 0.5;
      const t = along < 0 ? 0 : along > 1 ? 1 : along;
      const back0 = from0 + span0 * t;
      const back1 = from1 + span1 * t;
      const back2 = from2 + span2 * t;
      out[at] = noisy(back0 + (fore0 - back0) * cover);
      out[at + 1] = noisy(back1 + (fore1 - back1) * cover);
      out[at + 2] = noisy(back2 + (fore2 - back2) * cover);
    }
  }
}

/** The generated dataset: RGB `size`×`size` images, channels-last, one label each. */
export interface ShapesDataset {
  classNames: string[];
  labels: Uint8Array;
  pixels: Uint8Array;
}

const PROGRESS_EVERY = 250;

/**
 * Generates `count` colour-shape images with balanced classes (the class counts differ by at
 * most one) in a seeded random order.
 *
 * @param onProgress called with the number of images done, every few hundred and at the end.
 * @throws Error when `count` or `size` is not a positive integer (count may be 0).
 */
export function generateShapes(
  count: number,
  seed: number,
  size = 32,
  onProgress?: (done: number) => void,
): ShapesDataset {
  if (!Number.isInteger(count) || count < 0) {
    throw new Error(`the number of shape images must be a whole number ≥ 0, got ${count}`);
  }
  if (!Number.isInteger(size) || size < 4) {
    throw new Error(`the shape image size must be a whole number ≥ 4, got ${size}`);
  }
  const rng = createRng(seed);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) labels[i] = i % SHAPE_CLASSES.length;
  shuffleInPlace(labels, rng);
  const pixels = new Uint8Array(count * size * size * 3);
  for (let i = 0; i < count; i++) {
    drawShape(randomShapeParams(labels[i]!, size, rng), pixels, i * size * size * 3, size);
    if (onProgress && (i + 1) % PROGRESS_EVERY === 0) onProgress(i + 1);
  }
  if (onProgress && count % PROGRESS_EVERY !== 0) onProgress(count);
  return { classNames: [...SHAPE_CLASSES], labels, pixels };
}
