import type { ModelSpec } from '../shared/model-spec';
import { buildGraph, soleOutput } from './graph';
import type { DatasetShape } from './types';

/**
 * The dataset a spec was written for, read from its first Input layer and its output Dense
 * units, for when no real dataset is at hand. A spec too broken to say falls back to a
 * 1×1×1, one-class dataset; `analyse` then reports what is broken.
 */
export function impliedDataset(spec: ModelSpec): DatasetShape {
  const input = spec.nodes.find((node) => node.kind === 'input');
  const output = soleOutput(buildGraph(spec));
  return {
    shape: input?.kind === 'input' ? [...input.config.shape] : [1, 1, 1],
    classes: output?.kind === 'dense' ? output.config.units : 1,
  };
}
