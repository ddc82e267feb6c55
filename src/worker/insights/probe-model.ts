import * as tf from '@tensorflow/tfjs';
import type { NodeId } from '../../shared/model-spec';

/**
 * Models that share the live model's layers (and so its weights, as they train) but output
 * the given layers. They own no tensors, so they are never disposed — disposing would
 * decrement the shared layers' reference counts. Keyed by model, so a new run's model gets
 * fresh ones and the old ones go with the old model.
 */
const cache = new WeakMap<tf.LayersModel, Map<string, tf.LayersModel>>();

/** A model that outputs the given layers' outputs for the live model's input, cached. */
export function probeModel(model: tf.LayersModel, layerIds: readonly NodeId[]): tf.LayersModel {
  let byLayers = cache.get(model);
  if (!byLayers) {
    byLayers = new Map();
    cache.set(model, byLayers);
  }
  const key = JSON.stringify(layerIds);
  let probe = byLayers.get(key);
  if (!probe) {
    const outputs = layerIds.map((id) => model.getLayer(id).getOutputAt(0) as tf.SymbolicTensor);
    probe = tf.model({ inputs: model.inputs, outputs });
    byLayers.set(key, probe);
  }
  return probe;
}

/** Runs a probe model in inference mode; always a list, one tensor per layer. */
export function probe(
  model: tf.LayersModel,
  layerIds: readonly NodeId[],
  x: tf.Tensor,
): tf.Tensor[] {
  const out = probeModel(model, layerIds).predict(x);
  return Array.isArray(out) ? out : [out];
}
