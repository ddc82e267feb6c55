import type { LayerConfigs } from '../../shared/model-spec';
import type { LayerDefinition } from './types';
import { KERNEL_DEFAULTS, activationField, kernelFields, useBiasField } from './fields';
import { checkPositiveInteger, formatShape, lastDim, soleInput } from './shape-utils';

const defaults: LayerConfigs['dense'] = {
  units: 64,
  activation: 'relu',
  useBias: true,
  ...KERNEL_DEFAULTS,
};

/** Fully connected layer: every input value feeds every unit. */
export const dense: LayerDefinition<'dense'> = {
  kind: 'dense',
  label: 'Dense',
  description:
    'Connects every input value to every unit with its own learned weight; the last Dense layer turns features into class scores.',
  category: 'Core',
  defaults,
  fields: [
    {
      key: 'units',
      label: 'Units',
      type: 'int',
      min: 1,
      max: 4096,
      help: 'How many outputs; the last Dense layer needs one per class.',
    },
    activationField,
    useBiasField,
    ...kernelFields,
  ],
  inputs: { min: 1, max: 1 },
  inferShape(inputShapes, config) {
    const problem = checkPositiveInteger(config, defaults, 'units', 'Units');
    if (problem) return problem;
    const input = soleInput(inputShapes);
    // Keras would apply Dense to the last axis of an image; students almost always meant
    // to flatten first, so an image input is reported instead of silently accepted.
    if (input.length !== 2) {
      return {
        problem: `Dense needs a flat input, but it gets a ${formatShape(input)} feature map; insert Flatten (or GlobalAvgPool2D) before it.`,
        fix: { label: 'Insert Flatten', insertBefore: 'flatten' },
      };
    }
    return [null, config.units];
  },
  params(inputShapes, config) {
    const weights = lastDim(soleInput(inputShapes)) * config.units;
    return weights + (config.useBias ? config.units : 0);
  },
  flops(inputShapes, _outputShape, config) {
    return 2 * lastDim(soleInput(inputShapes)) * config.units;
  },
};
