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
 * Grad-CAM from a conv layer's activation A ([1, h', w', k]) and the gradient of the class
 * score w.r.t. it: channel weights are the gradient's spatial mean, the map is ReLU(Σ weight·A),
 * resized bilinearly to the input's h × w and scaled to [0, 1].
 */
export function gradCamMap(
  activation: tf.Tensor4D,
  gradient: tf.Tensor4D,
  size: [number, number],
): tf.Tensor2D {
  return tf.tidy(() => {
    const weights = gradient.mean([1, 2], true);
    const cam = activation.mul(weights).sum<tf.Tensor4D>(3, true).relu<tf.Tensor4D>();
    const resized = tf.image.resizeBilinear(cam, size);
    return normaliseByMax(resized.reshape<tf.Tensor2D>(size));
  });
}
