import type { LayerConfigs, LayerKind, LayerNode, Shape } from '../../shared/model-spec';
import type { LayerDefinition, LayerRegistry, ShapeProblem } from './types';
import { activation } from './activation';
import { add } from './add';
import { avgPool2d } from './avg-pool2d';
import { batchNorm } from './batch-norm';
import { concatenate } from './concatenate';
import { conv2d } from './conv2d';
import { dense } from './dense';
import { depthwiseConv2d } from './depthwise-conv2d';
import { dropout } from './dropout';
import { flatten } from './flatten';
import { globalAvgPool2d, globalMaxPool2d } from './global-pooling';
import { input } from './input';
import { maxPool2d } from './max-pool2d';
import { pretrainedBase } from './pretrained-base';
import { rescaling } from './rescaling';
import { separableConv2d } from './separable-conv2d';
import { spatialDropout2d } from './spatial-dropout2d';
import { zeroPadding2d } from './zero-padding2d';
import { elementCount } from './shape-utils';

export type { FieldSpec, LayerDefinition, LayerRegistry, ShapeFix, ShapeProblem } from './types';
export { isShapeProblem } from './types';
export { formatShape } from './shape-utils';

/** Every layer kind the studio knows, in palette order; add a kind by adding it here. */
export const layers: LayerRegistry = {
  input,
  rescaling,
  zeroPadding2d,
  conv2d,
  depthwiseConv2d,
  separableConv2d,
  maxPool2d,
  avgPool2d,
  globalAvgPool2d,
  globalMaxPool2d,
  batchNorm,
  dropout,
  spatialDropout2d,
  flatten,
  dense,
  activation,
  add,
  concatenate,
  pretrainedBase,
};

/** Every kind, in palette order. */
export const LAYER_KINDS = Object.keys(layers) as LayerKind[];

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

/** Parameters of `node`, as tfjs's `countParams()` counts them. */
export function nodeParams(node: LayerNode, inputShapes: Shape[]): number {
  return layerDefinition<LayerKind>(node.kind).params(inputShapes, node.config);
}

/** The parameters of `node` that training leaves alone (BatchNorm's moving statistics). */
export function nodeFrozenParams(node: LayerNode, inputShapes: Shape[]): number {
  return layerDefinition<LayerKind>(node.kind).frozenParams?.(inputShapes, node.config) ?? 0;
}

/** Multiply-adds × 2 per example of `node`. */
export function nodeFlops(node: LayerNode, inputShapes: Shape[], outputShape: Shape): number {
  return layerDefinition<LayerKind>(node.kind).flops(inputShapes, outputShape, node.config);
}

/** Bytes one example's output of a layer occupies: elements × 4 (float32). */
export function activationBytes(outputShape: Shape): number {
  return elementCount(outputShape) * Float32Array.BYTES_PER_ELEMENT;
}
