import type { LayerDefinition } from './types';
import { elementCount, formatShape } from './shape-utils';
import { MAX_MERGE_INPUTS, listShapes, mergeProblem } from './merge';

/** Element-wise sum of several equally shaped tensors: the join of a skip connection. */
export const add: LayerDefinition<'add'> = {
  kind: 'add',
  label: 'Add',
  description:
    'Adds its inputs value by value, joining a skip connection back into the main path as in a ResNet.',
  category: 'Merge',
  defaults: {},
  fields: [],
  inputs: { min: 2, max: MAX_MERGE_INPUTS },
  inferShape(inputShapes) {
    const [first] = inputShapes;
    if (!first) return mergeProblem('Add needs at least two inputs.');
    const same = inputShapes.every((shape) => formatShape(shape) === formatShape(first));
    if (!same) {
      return mergeProblem(
        `Add needs inputs of identical shape, but it gets ${listShapes(inputShapes)}. Match the channels with a 1×1 Conv2D and the sizes with strides or padding on one path.`,
      );
    }
    return first;
  },
  params: () => 0,
  // One addition per value for every input after the first.
  flops: (inputShapes, outputShape) => (inputShapes.length - 1) * elementCount(outputShape),
};
