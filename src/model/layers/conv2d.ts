import type { LayerDefinition } from './types';
import {
  checkPositiveInteger,
  elementCount,
  firstProblem,
  lastDim,
  soleInput,
} from './shape-utils';
import { imageDims, slideWindow } from './spatial';

/** 2-D convolution: learned square filters slid over the image. */
export const conv2d: LayerDefinition<'conv2d'> = {
  kind: 'conv2d',
  label: 'Conv2D',
  description:
    'Slides small learned filters over the image, producing one feature map per filter that lights up where its pattern appears.',
  defaults: {
    filters: 8,
    kernelSize: 3,
    strides: 1,
    padding: 'valid',
    activation: 'relu',
    useBias: true,
  },
  inputs: { min: 1, max: 1 },
  inferShape(inputShapes, config) {
    const problem = firstProblem(
      checkPositiveInteger(config.filters, 'Filters'),
      checkPositiveInteger(config.kernelSize, 'Kernel size'),
      checkPositiveInteger(config.strides, 'Strides'),
    );
    if (problem) return problem;
    const image = imageDims(soleInput(inputShapes), 'Conv2D');
    if ('problem' in image) return image;
    const out = slideWindow(image, {
      size: config.kernelSize,
      strides: config.strides,
      padding: config.padding,
      noun: 'kernel',
    });
    if ('problem' in out) return out;
    return [null, out.height, out.width, config.filters];
  },
  params(inputShapes, config) {
    const weights =
      config.kernelSize * config.kernelSize * lastDim(soleInput(inputShapes)) * config.filters;
    return weights + (config.useBias ? config.filters : 0);
  },
  flops(inputShapes, outputShape, config) {
    const macsPerOutput = config.kernelSize * config.kernelSize * lastDim(soleInput(inputShapes));
    return 2 * macsPerOutput * elementCount(outputShape);
  },
};
