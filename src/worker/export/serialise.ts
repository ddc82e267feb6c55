import * as tf from '@tensorflow/tfjs';
import type { Values } from '../read-together';
import { readTogether } from '../read-together';

/** The standard tfjs layers-format files of a model. */
export interface SerialisedModel {
  modelJson: Record<string, unknown>;
  weights: ArrayBuffer;
}

interface Topology {
  config: { layers: { name: string; config: Record<string, unknown> }[] };
}

/**
 * tfjs 4.22's SeparableConv2D leaves its depth multiplier out of its config, so a saved model
 * would load with a multiplier of 1 and weights of the wrong shape; it is written back here,
 * where Keras and tfjs' own loader read it.
 */
function withDepthMultipliers(model: tf.LayersModel, topology: object | ArrayBuffer): object {
  const copy = structuredClone(topology) as Topology;
  for (const layer of model.layers) {
    if (layer.getClassName() !== 'SeparableConv2D') continue;
    const saved = copy.config.layers.find((entry) => entry.name === layer.name);
    const { depthMultiplier } = layer as unknown as { depthMultiplier: number };
    if (saved) saved.config.depth_multiplier = depthMultiplier;
  }
  return copy;
}

/**
 * Serialises a model into the files `tf.loadLayersModel('model.json')` reads: `model.json`
 * naming one weights file, and `weights.bin`. Written as tfjs' own `model.save` writes them
 * (its topology, its weight order and names, the values back to back), but with every weight
 * read off the device in one readback instead of one each.
 */
export async function serialiseModel(model: tf.LayersModel): Promise<SerialisedModel> {
  // The order and names model.save gives its weights: `weights`, each by its original name.
  const weights = model.weights;
  const values = await readTogether(weights.map((w) => w.read()));
  const topology = model.toJSON(null, false);
  if (typeof topology !== 'object') throw new Error('The model could not be serialised.');
  const modelJson: Record<string, unknown> = {
    format: 'layers-model',
    generatedBy: `TensorFlow.js tfjs-layers v${tf.version_layers}`,
    convertedBy: null,
    modelTopology: withDepthMultipliers(model, topology),
    weightsManifest: [
      {
        paths: ['weights.bin'],
        weights: weights.map((w) => ({ name: w.originalName, shape: w.shape, dtype: w.dtype })),
      },
    ],
  };
  return { modelJson, weights: joined(values) };
}

/** The arrays' bytes back to back, as `weights.bin` holds them. */
function joined(values: Values[]): ArrayBuffer {
  const bytes = new Uint8Array(values.reduce((n, v) => n + v.byteLength, 0));
  let at = 0;
  for (const v of values) {
    bytes.set(new Uint8Array(v.buffer, v.byteOffset, v.byteLength), at);
    at += v.byteLength;
  }
  return bytes.buffer;
}
