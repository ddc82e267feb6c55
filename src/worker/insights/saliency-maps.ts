import * as tf from '@tensorflow/tfjs';

/** Noisy copies SmoothGrad averages. */
export const SMOOTHGRAD_SAMPLES = 20;
/** SmoothGrad's noise: σ = this × (max − min) of the image (the paper's 10–20 %). */
export const SMOOTHGRAD_NOISE = 0.15;

/** Gradient of the chosen class score w.r.t. a batch of images, one gradient per image. */
export type GradientFn = (x: tf.Tensor4D) => tf.Tensor4D;

/** Scales a non-negative map so its maximum is 1; an all-zero map stays zero. */
export function normaliseByMax<T extends tf.Tensor>(map: T): T {
  // The map is non-negative, so an all-zero map divides by the floor and stays zero.
  return tf.tidy(() => map.div<T>(tf.maximum(map.max(), 1e-12)));
}

/** Vanilla-gradient saliency of the first image: |gradient| max over channels, in [0, 1]. */
export function gradientMap(gradient: tf.Tensor4D): tf.Tensor2D {
  return tf.tidy(() => {
    const [, h = 0, w = 0] = gradient.shape;
    const magnitude = gradient.slice([0, 0, 0, 0], [1, h, w, -1]).abs().max(3);
    return normaliseByMax(magnitude.reshape<tf.Tensor2D>([h, w]));
  });
}

/**
 * SmoothGrad's averaged gradient: `samples` noisy copies of `x` ([1, h, w, c]) go through
 * `gradientOf` as one batch (one backward pass, not `samples` of them), and their gradients
 * are averaged. Noise σ = `noise` × (max − min) of the image.
 */
export function smoothGradient(
  x: tf.Tensor4D,
  gradientOf: GradientFn,
  samples = SMOOTHGRAD_SAMPLES,
  noise = SMOOTHGRAD_NOISE,
): tf.Tensor4D {
  return tf.tidy(() => {
    const sigma = x.max().sub(x.min()).mul(noise);
    const copies = x.tile<tf.Tensor4D>([samples, 1, 1, 1]);
    const noisy = copies.add<tf.Tensor4D>(tf.randomNormal(copies.shape).mul(sigma));
    return gradientOf(noisy).mean<tf.Tensor4D>(0, true);
  });
}

/**
 * A [h, w] map resized bilinearly to [height, width] on the host, as tf.image.resizeBilinear
 * does by default (no corner alignment, no half-pixel centres): output row y reads input row
 * y · h / height, between its two neighbours.
 */
export function resizeBilinear(
  map: Float32Array,
  [h, w]: [number, number],
  [height, width]: [number, number],
): Float32Array {
  const out = new Float32Array(height * width);
  for (let y = 0; y < height; y++) {
    const inY = (y * h) / height;
    const y0 = Math.floor(inY);
    const y1 = Math.min(y0 + 1, h - 1);
    const dy = inY - y0;
    for (let x = 0; x < width; x++) {
      const inX = (x * w) / width;
      const x0 = Math.floor(inX);
      const x1 = Math.min(x0 + 1, w - 1);
      const dx = inX - x0;
      const at = (row: number, column: number) => map[row * w + column] ?? 0;
      const top = at(y0, x0) + (at(y0, x1) - at(y0, x0)) * dx;
      const bottom = at(y1, x0) + (at(y1, x1) - at(y1, x0)) * dx;
      out[y * width + x] = top + (bottom - top) * dy;
    }
  }
  return out;
}

/**
 * Grad-CAM from a conv layer's activation A ([h', w', k], channels last) and the gradient of
 * the class score w.r.t. it, both as read from the device: channel weights are the gradient's
 * spatial mean, the map is ReLU(Σ weight·A), resized bilinearly to the input's h × w and
 * scaled to [0, 1]. A few thousand values, so the host does it rather than a dozen shaders.
 */
export function gradCamMap(
  activation: Float32Array,
  gradient: Float32Array,
  [h, w, k]: [number, number, number],
  size: [number, number],
): Float32Array {
  const positions = h * w;
  const weights = new Float64Array(k);
  for (let p = 0; p < positions; p++) {
    for (let c = 0; c < k; c++) weights[c] = (weights[c] ?? 0) + (gradient[p * k + c] ?? 0);
  }
  const cam = new Float32Array(positions);
  for (let p = 0; p < positions; p++) {
    let sum = 0;
    for (let c = 0; c < k; c++)
      sum += ((weights[c] ?? 0) / positions) * (activation[p * k + c] ?? 0);
    cam[p] = Math.max(sum, 0);
  }
  const resized = resizeBilinear(cam, [h, w], size);
  let max = 1e-12;
  for (const v of resized) max = Math.max(max, v);
  return resized.map((v) => v / max);
}
