/**
 * Training-time augmentation on the device: each batch is flipped, turned, zoomed, shifted,
 * re-lit, made noisy and cut out with tensor operations, so images never travel back to the
 * host. The random choices come from `sampleAugmentParams`, so a seed repeats a batch exactly.
 *
 * Kernels used, each registered by the cpu, webgl and webgpu backends of tfjs 4.22:
 * Transform, Mean, Sub, Multiply, Add, Range, Slice, Reshape, GreaterEqual, Less, LogicalAnd,
 * Cast, ClipByValue, Round (preview only), and SplitV/Concat on the cpu backend only (see
 * `transformImages`). The gaussian noise is generated on the host and uploaded.
 */
import * as tf from '@tensorflow/tfjs';
import type { AugmentParams } from '../data/augment-params';
import { sampleAugmentParams } from '../data/augment-params';
import type { Augmentation } from '../shared/augmentation';
import { isIdentity } from '../shared/augmentation';
import type { Rng } from '../shared/random';
import { createRng } from '../shared/random';

/** Grey that fills the cutout square, in [0, 1] units. */
const CUTOUT_GREY = 0.5;

/** True when flips, rotation, zoom or shift are on: only then is the image resampled. */
function movesPixels(augmentation: Augmentation): boolean {
  const { flipHorizontal, flipVertical, rotation, zoom, shift } = augmentation;
  return flipHorizontal > 0 || flipVertical > 0 || rotation > 0 || zoom > 0 || shift > 0;
}

/**
 * Resamples every image through its row of `transforms` (bilinear).
 *
 * Pixels that come from outside the image are filled with 0, not with the nearest edge
 * pixel: 'nearest' smears the border into streaks that no real photograph has, whereas black
 * matches the background of the digit datasets and shows plainly, in the preview, how much
 * of the image a setting pushes out of view.
 */
function transformImages(x: tf.Tensor4D, transforms: Float32Array): tf.Tensor4D {
  const count = x.shape[0];
  const rows = tf.tensor2d(transforms, [count, 8]);
  if (tf.getBackend() !== 'cpu') return tf.image.transform(x, rows, 'bilinear', 'constant', 0);
  // The cpu backend's Transform kernel (tfjs 4.22) returns after the first image of a batch
  // and leaves the others as the fill value, so there each image is transformed on its own.
  const images = tf.split<tf.Tensor4D>(x, count);
  return tf.concat(
    images.map((image, n) =>
      tf.image.transform(image, rows.slice([n, 0], [1, 8]), 'bilinear', 'constant', 0),
    ),
  );
}

/** Scales each image's distance from its own mean (over all pixels and channels). */
function adjustContrast(x: tf.Tensor4D, factors: Float32Array): tf.Tensor4D {
  const mean = x.mean([1, 2, 3], true);
  const factor = tf.tensor4d(factors, [factors.length, 1, 1, 1]);
  return x.sub(mean).mul(factor).add(mean);
}

/** Greys out each image's cutout box, built from row and column index comparisons. */
function cutOut(x: tf.Tensor4D, boxes: Float32Array): tf.Tensor4D {
  const [count, height, width] = x.shape;
  const box = tf.tensor2d(boxes, [count, 4]);
  const edge = (column: number) => box.slice([0, column], [count, 1]).reshape([count, 1, 1, 1]);
  const rows = tf.range(0, height).reshape([1, height, 1, 1]);
  const columns = tf.range(0, width).reshape([1, 1, width, 1]);
  const inside = tf
    .logicalAnd(rows.greaterEqual(edge(0)), rows.less(edge(2)))
    .logicalAnd(tf.logicalAnd(columns.greaterEqual(edge(1)), columns.less(edge(3))))
    .cast('float32');
  // A blend rather than tf.where: the mask is [count, h, w, 1] and broadcasts over channels.
  return x.mul(tf.scalar(1).sub(inside)).add(inside.mul(CUTOUT_GREY));
}

function applyParams(
  x: tf.Tensor4D,
  augmentation: Augmentation,
  params: AugmentParams,
  noiseSeed: number,
): tf.Tensor4D {
  const count = x.shape[0];
  let y = x;
  if (movesPixels(augmentation)) y = transformImages(y, params.transforms);
  if (augmentation.contrast > 0) y = adjustContrast(y, params.contrast);
  if (augmentation.brightness > 0) y = y.add(tf.tensor4d(params.brightness, [count, 1, 1, 1]));
  if (params.noise > 0) y = y.add(tf.randomNormal(x.shape, 0, params.noise, 'float32', noiseSeed));
  // Clip before the cutout so that the square stays exactly grey.
  y = tf.clipByValue(y, 0, 1);
  if (augmentation.cutout > 0) y = cutOut(y, params.cutout);
  return y;
}

/**
 * Returns a new, augmented copy of a batch. `x` holds images in [0, 1] (channels last); the
 * result has the same shape and stays in [0, 1]. With every strength at 0 it is a plain copy.
 * Leaves no intermediate tensors behind, inside or outside a `tf.tidy`.
 *
 * @param rng draws every random choice, including the noise seed, so a seeded `rng` repeats
 *   the batch exactly.
 */
export function augmentBatch(x: tf.Tensor4D, augmentation: Augmentation, rng: Rng): tf.Tensor4D {
  const [count, height, width, channels] = x.shape;
  if (isIdentity(augmentation) || count === 0) return x.clone();
  const params = sampleAugmentParams(count, [height, width, channels], augmentation, rng);
  const noiseSeed = Math.floor(rng() * 2 ** 32);
  return tf.tidy(() => applyParams(x, augmentation, params, noiseSeed));
}

/**
 * Takes from `rng` exactly the draws `augmentBatch` would take for a batch of `count` images,
 * without touching a tensor: a run resumed at a later epoch replays the earlier epochs' draws
 * so its augmentation goes on as if it had never stopped.
 */
export function skipAugmentBatch(
  count: number,
  shape: [number, number, number],
  augmentation: Augmentation,
  rng: Rng,
): void {
  if (isIdentity(augmentation) || count === 0) return;
  sampleAugmentParams(count, shape, augmentation, rng);
  rng();
}

/**
 * Augments a batch as training would with `seed`, and reads it back as uint8 pixels
 * (0–255, rounded, channels last) for the Data panel's preview strip. Reads asynchronously,
 * as WebGPU requires.
 */
export async function augmentPreview(
  x: tf.Tensor4D,
  augmentation: Augmentation,
  seed: number,
): Promise<Uint8Array> {
  const pixels = tf.tidy(() =>
    augmentBatch(x, augmentation, createRng(seed)).mul(255).round().cast('int32'),
  );
  try {
    // Copied into a fresh array: on the cpu backend data() hands out the tensor's own storage.
    return Uint8Array.from(await pixels.data());
  } finally {
    pixels.dispose();
  }
}
