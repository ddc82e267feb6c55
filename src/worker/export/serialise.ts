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
    modelTopology: artifacts.modelTopology,
    weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs ?? [] }],
  };
  return { modelJson, weights: oneBuffer(artifacts.weightData) };
}
