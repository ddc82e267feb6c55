import type { LayerDefinition } from './types';
import { elementCount, soleInput } from './shape-utils';

/** Unrolls a feature map into one long vector. */
export const flatten: LayerDefinition<'flatten'> = {
  kind: 'flatten',
  label: 'Flatten',
  description:
    'Unrolls the feature maps into one long list of numbers so that Dense layers can read them.',
  defaults: {},
  inputs: { min: 1, max: 1 },
  inferShape: (inputShapes) => [null, elementCount(soleInput(inputShapes))],
  params: () => 0,
  flops: () => 0,
};
