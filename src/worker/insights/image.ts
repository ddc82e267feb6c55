import type * as tf from '@tensorflow/tfjs';
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

/**
 * The image as a [copies, h, w, c] float tensor (the same image `copies` times) scaled exactly
 * as in training: gathered from the split on the device as a step gathers its batch, or user
 * pixels (uint8, the dataset's shape) normalised like it. The caller owns (disposes) the result.
 */
export function imageTensor(ctx: InsightContext, ref: ImageRef, copies = 1): tf.Tensor4D {
  const [h, w, c] = ctx.dataset.summary.inputShape;
  if (!isRecord(ref) || (ref.source !== 'split' && ref.source !== 'pixels')) {
    throw new InsightError('The image must come from a split or be pixels.');
  }
  if (ref.source === 'split') {
    checkIndices(ctx, ref.split, [ref.index]);
    const { x, y } = ctx.device[ref.split].take(new Array<number>(copies).fill(ref.index));
    y.dispose();
    return x;
  }
  const expected = h * w * c;
  if (!(ref.pixels instanceof Uint8Array) || ref.pixels.length !== expected) {
    const got = ref.pixels instanceof Uint8Array ? `${ref.pixels.length} values` : 'no pixels';
    throw new InsightError(
      `The image must be ${h}×${w} with ${c} channel${c === 1 ? '' : 's'} (${expected} values); got ${got}.`,
    );
  }
  const pixels = new Uint8Array(expected * copies);
  for (let i = 0; i < copies; i++) pixels.set(ref.pixels, i * expected);
  // The splits' own normalisation, so a drawn digit is scaled like the training images.
  return ctx.device.fromPixels(pixels, copies);
}
