import * as tf from '@tensorflow/tfjs';

/** The standard tfjs layers-format files of a model. */
export interface SerialisedModel {
  modelJson: Record<string, unknown>;
  weights: ArrayBuffer;
}

/** `weights.bin` as one buffer, however tfjs chose to hold the weight data. */
function oneBuffer(data: tf.io.WeightData | undefined): ArrayBuffer {
  if (data === undefined) return new ArrayBuffer(0);
  return new tf.io.CompositeArrayBuffer(data).slice();
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
 * Serialises a model with tfjs' own save path (`tf.io.withSaveHandler`), into the files
 * `tf.loadLayersModel('model.json')` reads: `model.json` naming one weights file, `weights.bin`.
 */
export async function serialiseModel(model: tf.LayersModel): Promise<SerialisedModel> {
  let saved: tf.io.ModelArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler((artifacts) => {
      saved = artifacts;
      const info = { dateSaved: new Date(), modelTopologyType: 'JSON' as const };
      return Promise.resolve({ modelArtifactsInfo: info });
    }),
  );
  const artifacts = saved as tf.io.ModelArtifacts | null;
  if (!artifacts?.modelTopology) throw new Error('The model could not be serialised.');
  const modelJson: Record<string, unknown> = {
    format: artifacts.format ?? 'layers-model',
    generatedBy: artifacts.generatedBy ?? `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
    convertedBy: artifacts.convertedBy ?? null,
    modelTopology: withDepthMultipliers(model, artifacts.modelTopology),
    weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs ?? [] }],
  };
  return { modelJson, weights: oneBuffer(artifacts.weightData) };
}
