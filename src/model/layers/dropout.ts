import type { LayerDefinition } from './types';
import { soleInput } from './shape-utils';

/** Randomly silences values while training to fight overfitting. */
export const dropout: LayerDefinition<'dropout'> = {
  kind: 'dropout',
  label: 'Dropout',
  description:
    'While training, randomly sets a fraction of its inputs to zero so the network cannot rely on any single feature.',
  defaults: { rate: 0.25 },
  inputs: { min: 1, max: 1 },
  inferShape(inputShapes, config) {
    if (!(config.rate >= 0 && config.rate < 1)) {
      return {
        problem: `Dropout rate must be at least 0 and below 1, but it is ${config.rate}.`,
        fix: 'Set the rate to a fraction such as 0.25.',
      };
    }
    return soleInput(inputShapes);
  },
  params: () => 0,
  flops: () => 0,
};
