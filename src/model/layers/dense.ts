import type { LayerDefinition } from './types';
import { checkPositiveInteger, formatShape, lastDim, soleInput } from './shape-utils';

/** Fully connected layer: every input value feeds every unit. */
export const dense: LayerDefinition<'dense'> = {
  kind: 'dense',
  label: 'Dense',
  description:
    'Connects every input value to every unit with its own learned weight; the last Dense layer turns features into class scores.',
  defaults: { units: 64, activation: 'relu', useBias: true },
  inputs: { min: 1, max: 1 },
  inferShape(inputShapes, config) {
    const problem = checkPositiveInteger(config.units, 'Units');
    if (problem) return problem;
    const input = soleInput(inputShapes);
    // Keras would apply Dense to the last axis of an image; students almost always meant
    // to flatten first, so an image input is reported instead of silently accepted.
    if (input.length !== 2) {
      return {
        problem: `Dense needs a flat input, but it gets a ${formatShape(input)} feature map; insert Flatten before it.`,
        fix: 'Insert a Flatten layer before this Dense layer.',
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
