import type { Padding, Shape } from '../../shared/model-spec';
import type { ShapeProblem } from './types';
import { featureDims, formatShape, windowOutputLength } from './shape-utils';

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
      problem: `${layerLabel} needs an image-shaped input (height × width × channels), but it gets ${formatShape(shape)} values.`,
      fix: `Move ${layerLabel} above Flatten, where the data is still an image.`,
    };
  }
  return { height, width, channels };
}

/** A square window sliding over an image, as in convolution and pooling. */
export interface Window {
  size: number;
  strides: number;
  padding: Padding;
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
  const { size, strides, padding, noun } = window;
  if (padding === 'valid' && (size > image.height || size > image.width)) {
    const inputText = `${image.height}×${image.width}×${image.channels}`;
    return {
      problem: `The ${size}×${size} ${noun} is larger than its ${inputText} input, so it fits nowhere.`,
      fix: `Use a ${noun} of at most ${Math.min(image.height, image.width)}, set padding to 'same', or remove a pooling layer above this one.`,
    };
  }
  return {
    height: windowOutputLength(image.height, size, strides, padding),
    width: windowOutputLength(image.width, size, strides, padding),
  };
}
