import type { LayerDefinition } from './types';
import { poolFields } from './fields';
import { POOL_DEFAULTS, poolShape } from './pooling';

/** 2-D max pooling: keeps the strongest response in each window. */
export const maxPool2d: LayerDefinition<'maxPool2d'> = {
  kind: 'maxPool2d',
  label: 'MaxPool2D',
  description:
    'Shrinks each feature map by keeping only the largest value in every small window, so later layers see a coarser, cheaper picture.',
  category: 'Pooling',
  defaults: POOL_DEFAULTS,
  fields: poolFields,
  inputs: { min: 1, max: 1 },
  inferShape: (inputShapes, config) => poolShape(inputShapes, config, 'MaxPool2D'),
  params: () => 0,
  // Pooling compares values and multiplies nothing, so it adds no multiply-adds.
  flops: () => 0,
};
