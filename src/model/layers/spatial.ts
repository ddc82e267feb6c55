import type { Padding, Shape } from '../../shared/model-spec';
import type { ShapeProblem } from './types';
import { effectiveKernel, featureDims, formatShape, windowOutputLength } from './shape-utils';

/** Height, width and channels of an image-shaped (rank-4) tensor. */
export interface ImageDims {
  height: number;
  width: number;
  channels: number;
}

/** The image dimensions of `shape`, or a problem when the data is no longer an image. */
export function imageDims(shape: Shape, layerLabel: string): ImageDims | ShapeProblem {
  const [height, width, channels] = featureDims(shape);
  if (shape.length !== 4 || height === undefined || width === undefined || channels === undefined) {
    return {
      problem: `${layerLabel} needs an image-shaped input (height × width × channels), but it gets ${formatShape(shape)} values. Move it above Flatten, where the data is still an image.`,
    };
  }
  return { height, width, channels };
}

/** A square window sliding over an image, as in convolution and pooling. */
export interface Window {
  size: number;
  strides: number;
  padding: Padding;
  /** Gaps between kernel taps; 1 (the default) is an ordinary kernel. */
  dilation?: number;
  /** How the message names the window, e.g. "kernel" or "pooling window". */
  noun: string;
}

/**
 * Output height and width after sliding `window` over `image` (Keras semantics), or a
 * problem when a 'valid' window is larger than the image and so fits nowhere.
 */
export function slideWindow(
  image: ImageDims,
  window: Window,
): { height: number; width: number } | ShapeProblem {
  const { size, strides, padding, noun, dilation = 1 } = window;
  const reach = effectiveKernel(size, dilation);
  if (padding === 'valid' && (reach > image.height || reach > image.width)) {
    const inputText = `${image.height}×${image.width}×${image.channels}`;
    const dilated = dilation > 1 ? ` (dilated to ${reach}×${reach})` : '';
    return {
      problem: `The ${size}×${size} ${noun}${dilated} is larger than its ${inputText} input, so it fits nowhere. Use padding 'same', a smaller ${noun}, or fewer pooling layers above this one.`,
      fix: { label: "Use padding 'same'", config: { padding: 'same' } },
    };
  }
  return {
    height: windowOutputLength(image.height, size, strides, padding, dilation),
    width: windowOutputLength(image.width, size, strides, padding, dilation),
  };
}

/** tfjs (like TensorFlow) cannot stride and dilate a convolution at once. */
export function checkStridesOrDilation(
  strides: number,
  dilation: number,
): ShapeProblem | undefined {
  if (strides === 1 || dilation === 1) return undefined;
  return {
    problem: `Strides (${strides}) and dilation (${dilation}) cannot both be above 1 in the same convolution.`,
    fix: { label: 'Set strides to 1', config: { strides: 1 } },
  };
}
