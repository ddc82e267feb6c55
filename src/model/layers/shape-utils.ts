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

/** A kernel's reach once dilated: `k + (k - 1)(d - 1)`, as Keras computes it. */
export function effectiveKernel(size: number, dilation = 1): number {
  return size + (size - 1) * (dilation - 1);
}

/** Keras' output length along one spatial axis of a sliding window (convolution, pooling). */
export function windowOutputLength(
  length: number,
  window: number,
  stride: number,
  padding: Padding,
  dilation = 1,
): number {
  return padding === 'same'
    ? Math.ceil(length / stride)
    : Math.floor((length - effectiveKernel(window, dilation)) / stride) + 1;
}

/**
 * A problem when `config[key]` is not a whole number ≥ 1, naming the setting for the student
 * and offering to put back the layer's default.
 */
export function checkPositiveInteger<C extends object>(
  config: C,
  defaults: C,
  key: keyof C & string,
  setting: string,
): ShapeProblem | undefined {
  const value = config[key];
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return undefined;
  const fallback = defaults[key];
  return {
    problem: `${setting} must be a whole number of at least 1, but it is ${String(value)}.`,
    fix: {
      label: `Set ${setting.toLowerCase()} to ${String(fallback)}`,
      config: { [key]: fallback },
    },
  };
}

/** The first problem among several checks, if any. */
export function firstProblem(...checks: (ShapeProblem | undefined)[]): ShapeProblem | undefined {
  return checks.find((check) => check !== undefined);
}
