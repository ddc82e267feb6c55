import type { LayerDefinition } from './types';
import { checkPositiveInteger, firstProblem, soleInput } from './shape-utils';
import { imageDims, slideWindow } from './spatial';

/** 2-D max pooling: keeps the strongest response in each window. */
export const maxPool2d: LayerDefinition<'maxPool2d'> = {
  kind: 'maxPool2d',
  label: 'MaxPool2D',
  description:
    'Shrinks each feature map by keeping only the largest value in every small window, so later layers see a coarser, cheaper picture.',
  defaults: { poolSize: 2, strides: 2, padding: 'valid' },
  inputs: { min: 1, max: 1 },
  inferShape(inputShapes, config) {
    const problem = firstProblem(
      checkPositiveInteger(config.poolSize, 'Pool size'),
      checkPositiveInteger(config.strides, 'Strides'),
    );
    if (problem) return problem;
    const image = imageDims(soleInput(inputShapes), 'MaxPool2D');
    if ('problem' in image) return image;
    const out = slideWindow(image, {
      size: config.poolSize,
      strides: config.strides,
      padding: config.padding,
      noun: 'pooling window',
    });
    if ('problem' in out) return out;
    return [null, out.height, out.width, image.channels];
  },
  params: () => 0,
  // Pooling compares values and multiplies nothing, so it adds no multiply-adds.
  flops: () => 0,
};
