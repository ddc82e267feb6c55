import * as tf from '@tensorflow/tfjs';
import type { ImageRef } from '../../shared/insights';
import type { InsightContext } from './context';
import { InsightError } from './context';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** Number of examples in each split, for range checks. */
function splitCount(ctx: InsightContext, split: keyof InsightContext['dataset']['split']): number {
  return ctx.dataset.split[split].length;
}

/** Checks that every index lies inside the split, with an error that names the range. */
export function checkIndices(
  ctx: InsightContext,
  split: keyof InsightContext['dataset']['split'],
  indices: readonly number[],
): void {
  if (!Object.hasOwn(ctx.dataset.split, split)) {
    throw new InsightError(`There is no '${String(split)}' split; use train, validation or test.`);
  }
  const count = splitCount(ctx, split);
  for (const index of indices) {
    if (!Number.isInteger(index) || index < 0 || index >= count) {
      throw new InsightError(
        `Image ${index} does not exist: the ${split} split has ${count} images (0 to ${count - 1}).`,
      );
    }
  }
}

/** Checks that `ref` names an image this dataset has, with an error meant for the student. */
export function checkImage(ctx: InsightContext, ref: ImageRef): void {
  const [h, w, c] = ctx.dataset.summary.inputShape;
  if (!isRecord(ref) || (ref.source !== 'split' && ref.source !== 'pixels')) {
    throw new InsightError('The image must come from a split or be pixels.');
  }
  if (ref.source === 'split') {
    checkIndices(ctx, ref.split, [ref.index]);
    return;
  }
  const expected = h * w * c;
  if (!(ref.pixels instanceof Uint8Array) || ref.pixels.length !== expected) {
    const got = ref.pixels instanceof Uint8Array ? `${ref.pixels.length} values` : 'no pixels';
    throw new InsightError(
      `The image must be ${h}×${w} with ${c} channel${c === 1 ? '' : 's'} (${expected} values); got ${got}.`,
    );
  }
}

/** The most images one request may ask about (saliency, feature maps). */
export const MAX_IMAGES = 64;

/** Checks a request's list of images: 1 to MAX_IMAGES, each one this dataset has. */
export function checkImages(ctx: InsightContext, images: unknown): asserts images is ImageRef[] {
  if (!Array.isArray(images) || images.length === 0 || images.length > MAX_IMAGES) {
    throw new InsightError(`Ask about 1 to ${MAX_IMAGES} images at a time.`);
  }
  for (const image of images as unknown[]) checkImage(ctx, image as ImageRef);
}

/**
 * The images as one [rows, h, w, c] float batch scaled exactly as in training: `refs` in order,
 * then the first again until there are `rows` (never fewer than the images). Images of one
 * split are gathered from the device as a step gathers its batch; user pixels (uint8, the
 * dataset's shape) are normalised like the splits. The caller owns (disposes) the result.
 */
export function imageBatch(
  ctx: InsightContext,
  refs: readonly ImageRef[],
  rows = refs.length,
): tf.Tensor4D {
  const [first] = refs;
  if (!first) throw new InsightError('Ask about at least one image.');
  for (const ref of refs) checkImage(ctx, ref);
  const order = [...refs, ...new Array<ImageRef>(Math.max(0, rows - refs.length)).fill(first)];
  const splits = new Set(order.map((ref) => (ref.source === 'split' ? ref.split : null)));
  const [only] = splits;
  if (splits.size === 1 && only) {
    const { x, y } = ctx.device[only].take(
      order.map((ref) => (ref.source === 'split' ? ref.index : 0)),
    );
    y.dispose();
    return x;
  }
  if (splits.size === 1) {
    const size = ctx.dataset.summary.inputShape.reduce((a, b) => a * b, 1);
    const pixels = new Uint8Array(size * order.length);
    order.forEach((ref, i) => {
      if (ref.source === 'pixels') pixels.set(ref.pixels, i * size);
    });
    return ctx.device.fromPixels(pixels, order.length);
  }
  // Mixed sources: each image once, then the first image's padding in one piece.
  const padding = rows - refs.length;
  return tf.tidy(() =>
    tf.concat([
      ...refs.map((ref) => imageBatch(ctx, [ref])),
      ...(padding > 0 ? [imageBatch(ctx, [first], padding)] : []),
    ]),
  );
}
