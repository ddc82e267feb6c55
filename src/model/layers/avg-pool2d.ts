import type { LayerDefinition } from './types';
import { poolFields } from './fields';
import { elementCount } from './shape-utils';
import { POOL_DEFAULTS, poolShape } from './pooling';

/** 2-D average pooling: keeps the mean of each window. */
export const avgPool2d: LayerDefinition<'avgPool2d'> = {
  kind: 'avgPool2d',
  label: 'AvgPool2D',
  description:
    'Shrinks each feature map by replacing every small window with its average, a smoother summary than max pooling.',
  category: 'Pooling',
  defaults: POOL_DEFAULTS,
  fields: poolFields,
  inputs: { min: 1, max: 1 },
  inferShape: (inputShapes, config) => poolShape(inputShapes, config, 'AvgPool2D'),
  params: () => 0,
  // An average is a weighted sum: one multiply-add (by 1/n) per value in the window.
  flops: (_inputShapes, outputShape, config) =>
    2 * config.poolSize * config.poolSize * elementCount(outputShape),
};
