import type * as tf from '@tensorflow/tfjs';
import type { PretrainedFacts, PretrainedLayerFacts, Shape } from '../../shared/model-spec';

const countOf = (weights: tf.LayerVariable[]) =>
  weights.reduce((sum, weight) => sum + weight.shape.reduce<number>((a, b) => a * (b ?? 1), 1), 0);

/** The single input layer of a loaded base; a base must take one image. */
export function baseInputLayer(model: tf.LayersModel): tf.layers.Layer {
  const [input] = model.inputs;
  if (model.inputs.length !== 1 || !input) {
    throw new Error(
      `The base takes ${model.inputs.length} inputs; a Pretrained base takes one image.`,
    );
  }
  return input.sourceLayer;
}

/**
 * What the studio needs to know about a loaded base to analyse a network without tfjs. Marks
 * every layer trainable, as a base is before the studio freezes part of it.
 */
export function factsOf(model: tf.LayersModel): PretrainedFacts {
  const input = baseInputLayer(model);
  const shape = model.inputs[0]?.shape ?? [];
  const [, height, width, channels] = shape;
  if (shape.length !== 4 || !height || !width || !channels) {
    const given = shape.map((dim) => dim ?? '?').join('×');
    throw new Error(
      `The base's input is ${given}; a Pretrained base must take images of a fixed height × width × channels.`,
    );
  }
  const layers = model.layers.filter((layer) => layer !== input);
  const names = new Set(layers.map((layer) => layer.name));
  return {
    inputShape: [height, width, channels],
    layers: layers.map((layer): PretrainedLayerFacts => {
      const outputShape = layer.outputShape;
      const single = outputShape.every((dim) => !Array.isArray(dim));
      // What training may change once the layer is unfrozen, whatever the file says now.
      layer.trainable = true;
      const { activation } = layer.getConfig();
      return {
        name: layer.name,
        className: layer.getClassName(),
        outputShape: single ? (outputShape as Shape) : [],
        params: layer.countParams(),
        trainableParams: countOf(layer.trainableWeights),
        inputs: (layer.inboundNodes[0]?.inboundLayers ?? [])
          .map((from) => from.name)
          .filter((name) => names.has(name)),
        ...(typeof activation === 'string' ? { activation } : {}),
      };
    }),
  };
}
