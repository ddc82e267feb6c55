import type { LayerDefinition } from './types';
import { elementCount, formatShape, soleInput } from './shape-utils';

/** Unrolls a feature map into one long vector. */
export const flatten: LayerDefinition<'flatten'> = {
  kind: 'flatten',
  label: 'Flatten',
  description:
    'Unrolls the feature maps into one long list of numbers so that Dense layers can read them.',
  category: 'Core',
  defaults: {},
  fields: [],
  inputs: { min: 1, max: 1 },
  inferShape(inputShapes) {
    const input = soleInput(inputShapes);
    // tfjs refuses to flatten what is already flat, so the studio says so before building.
    if (input.length < 3) {
      return {
        problem: `The data is already a flat list of ${formatShape(input)} values, so Flatten has nothing to do; remove it.`,
        fix: { label: 'Remove it and keep the wire', bypass: true },
      };
    }
    return [null, elementCount(input)];
  },
  params: () => 0,
  flops: () => 0,
};
