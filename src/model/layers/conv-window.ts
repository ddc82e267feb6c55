import type { Shape, WindowOptions } from '../../shared/model-spec';
import type { ShapeProblem } from './types';
import { checkPositiveInteger, firstProblem, soleInput } from './shape-utils';
import type { ImageDims } from './spatial';
import { checkStridesOrDilation, imageDims, slideWindow } from './spatial';

/** The input image and output size of a convolution, once its settings are known good. */
export interface ConvGeometry {
  image: ImageDims;
  height: number;
  width: number;
}

/**
 * Checks a convolution's window settings and slides it over its input: the shared part of
 * Conv2D, DepthwiseConv2D and SeparableConv2D.
 */
export function convGeometry<C extends WindowOptions>(
  inputShapes: Shape[],
  config: C,
  defaults: C,
  label: string,
): ConvGeometry | ShapeProblem {
  const problem = firstProblem(
    checkPositiveInteger(config, defaults, 'kernelSize', 'Kernel size'),
    checkPositiveInteger(config, defaults, 'strides', 'Strides'),
    checkPositiveInteger(config, defaults, 'dilation', 'Dilation'),
    checkStridesOrDilation(config.strides, config.dilation),
  );
  if (problem) return problem;
  const image = imageDims(soleInput(inputShapes), label);
  if ('problem' in image) return image;
  const out = slideWindow(image, {
    size: config.kernelSize,
    strides: config.strides,
    padding: config.padding,
    dilation: config.dilation,
    noun: 'kernel',
  });
  if ('problem' in out) return out;
  return { image, ...out };
}
