import type { LayerDefinition } from './types';
import { featureDims } from './shape-utils';
import { MAX_MERGE_INPUTS, listShapes, mergeProblem } from './merge';

/** Stacks its inputs along the channel axis. */
export const concatenate: LayerDefinition<'concatenate'> = {
  kind: 'concatenate',
  label: 'Concatenate',
  description:
    'Stacks its inputs side by side along the channels, so the next layer sees the features of every branch at once.',
  category: 'Merge',
  defaults: {},
  fields: [],
  inputs: { min: 2, max: MAX_MERGE_INPUTS },
  inferShape(inputShapes) {
    const [first] = inputShapes;
    if (!first) return mergeProblem('Concatenate needs at least two inputs.');
    const rank = first.length;
    if (rank !== 2 && rank !== 4) {
      return mergeProblem(`Concatenate joins images or flat lists, not ${listShapes([first])}.`);
    }
    const dims = inputShapes.map(featureDims);
    const leading = (d: number[]) => d.slice(0, -1).join('×');
    const fits = inputShapes.every(
      (shape, i) => shape.length === rank && leading(dims[i] ?? []) === leading(dims[0] ?? []),
    );
    if (!fits) {
      return mergeProblem(
        `Concatenate needs inputs that differ only in channels, but it gets ${listShapes(inputShapes)}. Make the heights and widths match, e.g. with the same pooling on every branch.`,
      );
    }
    const channels = dims.reduce((total, d) => total + (d.at(-1) ?? 0), 0);
    return [null, ...(dims[0] ?? []).slice(0, -1), channels];
  },
  params: () => 0,
  flops: () => 0,
};
