import type { LayerConfigs } from '../../shared/model-spec';
import type { LayerDefinition } from './types';
import { elementCount, formatShape, lastDim, soleInput } from './shape-utils';

const defaults: LayerConfigs['batchNorm'] = { momentum: 0.99, epsilon: 0.001 };

/** Batch normalisation over the channel (last) axis. */
export const batchNorm: LayerDefinition<'batchNorm'> = {
  kind: 'batchNorm',
  label: 'BatchNormalization',
  description:
    'Rescales each channel to zero mean and unit spread over the batch, which lets deep networks train faster and more stably.',
  category: 'Normalisation',
  defaults,
  fields: [
    {
      key: 'momentum',
      label: 'Momentum',
      type: 'number',
      min: 0,
      max: 0.999,
      step: 0.01,
      help: 'How slowly the running averages used for prediction follow each batch.',
    },
    {
      key: 'epsilon',
      label: 'Epsilon',
      type: 'number',
      min: 0.00001,
      max: 0.1,
      step: 0.0001,
      help: 'A small number added to the variance so that no division is by zero.',
    },
  ],
  inputs: { min: 1, max: 1 },
  inferShape(inputShapes, config) {
    if (!(config.momentum >= 0 && config.momentum < 1)) {
      return {
        problem: `Momentum must be at least 0 and below 1, but it is ${config.momentum}.`,
        fix: {
          label: `Set momentum to ${defaults.momentum}`,
          config: { momentum: defaults.momentum },
        },
      };
    }
    if (!(config.epsilon > 0)) {
      return {
        problem: `Epsilon must be above 0, but it is ${config.epsilon}.`,
        fix: { label: `Set epsilon to ${defaults.epsilon}`, config: { epsilon: defaults.epsilon } },
      };
    }
    const input = soleInput(inputShapes);
    if (input.length < 2) {
      return { problem: `BatchNormalization needs channels, but it gets ${formatShape(input)}.` };
    }
    return input;
  },
  // Scale and offset are learned; the moving mean and variance are tracked, not trained.
  params: (inputShapes) => 4 * lastDim(soleInput(inputShapes)),
  frozenParams: (inputShapes) => 2 * lastDim(soleInput(inputShapes)),
  // At prediction time it is one multiply-add per value.
  flops: (inputShapes) => 2 * elementCount(soleInput(inputShapes)),
};
