import type { LayerDefinition } from './types';
import { ACTIVATION_OPTIONS } from './fields';
import { soleInput } from './shape-utils';

/** A standalone activation function, LeakyReLU and ELU with their slope included. */
export const activation: LayerDefinition<'activation'> = {
  kind: 'activation',
  label: 'Activation',
  description:
    'Applies a fixed function such as ReLU or softmax to every value, adding the non-linearity that lets networks learn curved boundaries.',
  category: 'Activation',
  defaults: { activation: 'relu', alpha: 0.3 },
  fields: [
    {
      key: 'activation',
      label: 'Function',
      type: 'select',
      options: [...ACTIVATION_OPTIONS, { value: 'leakyRelu', label: 'LeakyReLU' }],
      help: 'ReLU is a good default; LeakyReLU and ELU keep a small signal for negative inputs.',
    },
    {
      key: 'alpha',
      label: 'Alpha',
      type: 'number',
      min: 0,
      max: 10,
      step: 0.05,
      help: "LeakyReLU's slope below zero, or ELU's value far below zero; other functions ignore it.",
    },
  ],
  inputs: { min: 1, max: 1 },
  inferShape(inputShapes, config) {
    const usesAlpha = config.activation === 'leakyRelu' || config.activation === 'elu';
    if (usesAlpha && !Number.isFinite(config.alpha)) {
      return {
        problem: `Alpha must be a number, but it is ${config.alpha}.`,
        fix: { label: 'Set alpha to 0.3', config: { alpha: 0.3 } },
      };
    }
    return soleInput(inputShapes);
  },
  params: () => 0,
  // Activation functions multiply nothing by weights; they are not counted as multiply-adds.
  flops: () => 0,
};
