import * as tf from '@tensorflow/tfjs';
import type { LayerNodeOf, Shape } from '../../shared/model-spec';
import { baseLayerName, cutBase } from '../../model/pretrained';
import { formatShape } from '../../model/layers';
import { baseInputLayer, factsOf } from './base-facts';

/** Makes a layer compute as when predicting, whatever the caller asks (dropout off, BatchNorm's moving statistics used and left alone). */
function inferenceOnly(layer: tf.layers.Layer): void {
  const call = layer.call.bind(layer);
  layer.call = (inputs, kwargs) => call(inputs, { ...kwargs, training: false });
}

const sameShape = (a: Shape, b: Shape) => formatShape(a) === formatShape(b);

/**
 * Wires the layers of `base` (a freshly loaded model) that the node's cut keeps into the network
 * being built, after `input`, and returns the node's output. The layers are renamed
 * `<node id>/<name>` so they cannot clash with the studio's layers, frozen except the last
 * `trainableLayers` with weights, and always run in inference mode, as Keras runs a frozen
 * base. A layer named after the node passes the cut layer's output on, so the node maps to one
 * tfjs layer as every other node does. The layers become the network's; the caller disposes
 * `base` once the network is made, which frees only the layers it did not keep.
 *
 * @throws Error when the loaded base no longer matches what the node recorded at load time.
 */
export function applyBase(
  base: tf.LayersModel,
  node: LayerNodeOf<'pretrainedBase'>,
  input: tf.SymbolicTensor,
): tf.SymbolicTensor {
  const { config } = node;
  const recorded = config.base;
  if (!recorded) throw new Error(`Load the base of '${node.id}' first.`);
  const inputLayer = baseInputLayer(base);
  const facts = factsOf(base);
  const cut = cutBase(facts, config.cutLayer, config.trainableLayers);
  if (typeof cut === 'string') throw new Error(cut);
  const expected = cutBase(recorded, config.cutLayer, config.trainableLayers);
  if (
    typeof expected === 'string' ||
    !sameShape([null, ...facts.inputShape], [null, ...recorded.inputShape]) ||
    !sameShape(cut.outputShape, expected.outputShape) ||
    cut.params !== expected.params
  ) {
    throw new Error(
      `The base of '${node.id}' is not the model it was when loaded: press Load again to read it afresh.`,
    );
  }
  const trainable = new Set(cut.trainable);
  // Keyed by layer, not name: the layers are renamed as they are wired.
  const outputs = new Map<tf.layers.Layer, tf.SymbolicTensor>();
  const layers = cut.kept.map((kept) => base.getLayer(kept.name));
  for (const layer of layers) {
    const inbound = layer.inboundNodes[0];
    const from = (inbound?.inboundLayers ?? []).map((source) => {
      const tensor = source === inputLayer ? input : outputs.get(source);
      if (!tensor)
        throw new Error(`Base layer '${layer.name}' needs '${source.name}', which is not built.`);
      return tensor;
    });
    const originalName = layer.name;
    layer.trainable = trainable.has(originalName);
    inferenceOnly(layer);
    // Renamed before the network is made: tfjs keys a model's graph by layer names then.
    (layer as { name: string }).name = baseLayerName(node.id, originalName);
    for (const weight of layer.weights) {
      (weight as { originalName: string }).originalName = baseLayerName(
        node.id,
        weight.originalName,
      );
    }
    const [only] = from;
    const applied = layer.apply(from.length === 1 && only ? only : from);
    if (Array.isArray(applied)) {
      throw new Error(
        `Base layer '${originalName}' has several outputs; the studio cannot use it.`,
      );
    }
    outputs.set(layer, applied as tf.SymbolicTensor);
  }
  const last = layers.at(-1) && outputs.get(layers.at(-1) as tf.layers.Layer);
  if (!last) throw new Error(`The base has no layer '${config.cutLayer}'.`);
  return tf.layers
    .activation({ activation: 'linear', name: node.id })
    .apply(last) as tf.SymbolicTensor;
}
