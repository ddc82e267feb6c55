import type { LayerDefinition, ShapeProblem } from './types';
import { rateField } from './fields';
import { soleInput } from './shape-utils';

/** A problem when a dropout rate is not a fraction in [0, 1). */
export function checkRate(rate: number, label: string): ShapeProblem | undefined {
  if (rate >= 0 && rate < 1) return undefined;
  return {
    problem: `${label} rate must be at least 0 and below 1, but it is ${rate}.`,
    fix: { label: 'Set the rate to 0.25', config: { rate: 0.25 } },
  };
}

/** Randomly silences values while training to fight overfitting. */
export const dropout: LayerDefinition<'dropout'> = {
  kind: 'dropout',
  label: 'Dropout',
  description:
    'While training, randomly sets a fraction of its inputs to zero so the network cannot rely on any single feature.',
  category: 'Regularisation',
  defaults: { rate: 0.25 },
  fields: [rateField],
  inputs: { min: 1, max: 1 },
  inferShape: (inputShapes, config) => checkRate(config.rate, 'Dropout') ?? soleInput(inputShapes),
  params: () => 0,
  flops: () => 0,
};
