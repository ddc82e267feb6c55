import type { LayerConfigs, LayerKind, LayerNode, Shape } from '../../shared/model-spec';
import type { LayerDefinition, LayerRegistry, ShapeProblem } from './types';
import { conv2d } from './conv2d';
import { dense } from './dense';
import { dropout } from './dropout';
import { flatten } from './flatten';
import { input } from './input';
import { maxPool2d } from './max-pool2d';

export type { LayerDefinition, LayerRegistry, ShapeProblem } from './types';
export { isShapeProblem } from './types';
export { formatShape } from './shape-utils';

/** Every layer kind the studio knows; add a kind by adding its definition here. */
export const layers: LayerRegistry = { input, conv2d, maxPool2d, flatten, dense, dropout };

/** The definition for one kind, typed to that kind's config. */
export function layerDefinition<K extends LayerKind>(kind: K): LayerDefinition<K> {
  return layers[kind];
}

/** A fresh copy of a kind's default config, safe to mutate. */
export function defaultConfig<K extends LayerKind>(kind: K): LayerConfigs[K] {
  return structuredClone(layerDefinition(kind).defaults);
}

// A node's kind and config are correlated, which TypeScript cannot follow through the
// `LayerNode` union, so these dispatchers widen the definition to all kinds.

/** Output shape of `node` for the given input shapes, or why there is none. */
export function inferNodeShape(node: LayerNode, inputShapes: Shape[]): Shape | ShapeProblem {
  return layerDefinition<LayerKind>(node.kind).inferShape(inputShapes, node.config);
}

/** Trainable parameters of `node`. */
export function nodeParams(node: LayerNode, inputShapes: Shape[]): number {
  return layerDefinition<LayerKind>(node.kind).params(inputShapes, node.config);
}

/** Multiply-adds × 2 per example of `node`. */
export function nodeFlops(node: LayerNode, inputShapes: Shape[], outputShape: Shape): number {
  return layerDefinition<LayerKind>(node.kind).flops(inputShapes, outputShape, node.config);
}
