import type * as tf from '@tensorflow/tfjs';
import type { LayerKind, ModelSpec, NodeId } from '../../shared/model-spec';
import type { DeviceData } from '../device-data';
import type { LoadedDataset } from '../data/dataset-store';

/**
 * What an insight request may look at: the live model (possibly mid-run), the spec it was
 * built from, and the dataset on the host and the device. Requests only read these; they
 * never dispose or modify anything in them.
 */
export interface InsightContext {
  model: tf.LayersModel;
  spec: ModelSpec;
  device: DeviceData;
  dataset: LoadedDataset;
  /**
   * While a run trains: the validation split's class probabilities at its latest epoch end,
   * computed for that epoch's validation score. The validation evaluation shows them (the
   * epoch the curves show) instead of a second pass over weights a few steps further on.
   */
  validationAtEpochEnd?: Float32Array;
  /**
   * The batch size of the model's training steps, once a run has trained this model in this
   * worker, so that their shaders are compiled. The weights probe (between 32 and 256) and
   * Grad-CAM on WebGL (up to 64) take this batch size, to run on those shaders.
   */
  stepBatchSize?: number;
}

/** A request the worker cannot answer, with a message meant for the student. */
export class InsightError extends Error {
  override name = 'InsightError';
}

/** Layers that slide a window over the image and keep it spatial. */
export const CONV_KINDS: ReadonlySet<LayerKind> = new Set([
  'conv2d',
  'depthwiseConv2d',
  'separableConv2d',
]);

const POOL_KINDS: ReadonlySet<LayerKind> = new Set(['maxPool2d', 'avgPool2d']);

/** The spec kind of a model layer (layers are named after node ids). */
export function kindOf(ctx: InsightContext, layerId: NodeId): LayerKind | undefined {
  return ctx.spec.nodes.find((node) => node.id === layerId)?.kind;
}

/** The name the student gave the layer, else its id. */
export function nameOf(ctx: InsightContext, layerId: NodeId): string {
  return ctx.spec.nodes.find((node) => node.id === layerId)?.name ?? layerId;
}

/** Ids of the model's layers of the given kinds, in the model's (topological) order. */
export function layerIdsOfKind(ctx: InsightContext, kinds: ReadonlySet<LayerKind>): NodeId[] {
  return ctx.model.layers
    .map((layer) => layer.name)
    .filter((id) => {
      const kind = kindOf(ctx, id);
      return kind !== undefined && kinds.has(kind);
    });
}

/** Conv and pooling layers: what the feature-map panel shows when no layer is chosen. */
export function featureMapLayerIds(ctx: InsightContext): NodeId[] {
  return layerIdsOfKind(ctx, new Set([...CONV_KINDS, ...POOL_KINDS]));
}

/** A model layer by node id, or a plain-words error. */
export function layerById(ctx: InsightContext, layerId: NodeId): tf.layers.Layer {
  const found = ctx.model.layers.find((layer) => layer.name === layerId);
  if (!found) throw new InsightError(`There is no layer '${layerId}' in the trained network.`);
  return found;
}
