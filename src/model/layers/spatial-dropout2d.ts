import type { LayerDefinition } from './types';
import { checkRate } from './dropout';
import { rateField } from './fields';
import { soleInput } from './shape-utils';
import { imageDims } from './spatial';

/** Dropout of whole feature maps. */
export const spatialDropout2d: LayerDefinition<'spatialDropout2d'> = {
  kind: 'spatialDropout2d',
  label: 'SpatialDropout2D',
  description:
    'While training, switches off whole feature maps at random, which regularises convolutions better than dropping single pixels.',
  category: 'Regularisation',
  defaults: { rate: 0.1 },
  fields: [rateField],
  inputs: { min: 1, max: 1 },
  inferShape(inputShapes, config) {
    const problem = checkRate(config.rate, 'SpatialDropout2D');
    if (problem) return problem;
    const input = soleInput(inputShapes);
    const image = imageDims(input, 'SpatialDropout2D');
    return 'problem' in image ? image : input;
  },
  params: () => 0,
  flops: () => 0,
};
