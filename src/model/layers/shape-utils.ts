import type { Padding, Shape } from '../../shared/model-spec';
import type { ShapeProblem } from './types';

/**
 * The single input of a one-input layer. `analyse` checks wire counts before inferring
 * shapes, so a missing input here is a programming error, not a user mistake.
 */
export function soleInput(inputShapes: Shape[]): Shape {
  const [shape] = inputShapes;
  if (inputShapes.length !== 1 || shape === undefined) {
    throw new Error(`Expected exactly one input shape, got ${inputShapes.length}`);
  }
  return shape;
}

/**
 * The non-batch dimensions as numbers. Every shape in Layerwise is fully known apart from
 * the batch, because the Input layer fixes height, width and channels.
 */
export function featureDims(shape: Shape): number[] {
  return shape.slice(1).map((dim) => {
    if (dim === null)
      throw new Error(`Unexpected unknown dimension in shape [${shape.join(', ')}]`);
    return dim;
  });
}

/** Values per example: the product of the non-batch dimensions. */
export function elementCount(shape: Shape): number {
  return featureDims(shape).reduce((product, dim) => product * dim, 1);
}

/** The last dimension: channels of an image, units of a flat vector. */
export function lastDim(shape: Shape): number {
  return featureDims(shape).at(-1) ?? 0;
}

/** Shape without the batch dimension, as students read it: `24×24×8`. */
export function formatShape(shape: Shape): string {
  return shape
    .slice(1)
    .map((dim) => dim ?? '?')
    .join('×');
}

/** Keras' output length along one spatial axis of a sliding window (convolution, pooling). */
export function windowOutputLength(
  length: number,
  window: number,
  stride: number,
  padding: Padding,
): number {
  return padding === 'same'
    ? Math.ceil(length / stride)
    : Math.floor((length - window) / stride) + 1;
}

/** A problem when `value` is not a whole number ≥ 1, naming the setting for the student. */
export function checkPositiveInteger(value: number, setting: string): ShapeProblem | undefined {
  if (Number.isInteger(value) && value >= 1) return undefined;
  return {
    problem: `${setting} must be a whole number of at least 1, but it is ${value}.`,
    fix: `Set ${setting} to 1 or more.`,
  };
}

/** The first problem among several checks, if any. */
export function firstProblem(...checks: (ShapeProblem | undefined)[]): ShapeProblem | undefined {
  return checks.find((check) => check !== undefined);
}
