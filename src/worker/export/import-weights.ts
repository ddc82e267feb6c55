import * as tf from '@tensorflow/tfjs';

/** Bytes one stored value takes: quantised weights are smaller than their dtype. */
function bytesPerValue(spec: tf.io.WeightsManifestEntry): number {
  const stored = spec.quantization?.dtype ?? spec.dtype;
  return stored === 'uint8' || stored === 'bool'
    ? 1
    : stored === 'uint16' || stored === 'float16'
      ? 2
      : 4;
}

/**
 * Copies the weights of a `model.json` + weights pair into `target`, a model the studio built
 * from the same network, layer by layer by name. Throws a plain-words error when the weights
 * do not fit (missing, truncated, of another shape); `target` is unchanged then.
 */
export async function importWeights(
  target: tf.LayersModel,
  modelJson: Record<string, unknown>,
  weights: ArrayBuffer,
): Promise<void> {
  const manifest = modelJson.weightsManifest as tf.io.WeightsManifestConfig | undefined;
  const weightSpecs = (manifest ?? []).flatMap((group) => group.weights);
  const expected = weightSpecs.reduce(
    (sum, spec) => sum + spec.shape.reduce((a, b) => a * b, 1) * bytesPerValue(spec),
    0,
  );
  if (weights.byteLength !== expected) {
    throw new Error(
      `The weights file holds ${weights.byteLength} bytes but model.json describes ${expected}: ` +
        'it belongs to another model or was cut off.',
    );
  }
  let source: tf.LayersModel;
  try {
    source = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: modelJson.modelTopology as object,
        weightSpecs,
        weightData: weights,
      }),
    );
  } catch (error) {
    throw new Error(
      `The model could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    const pairs = target.layers.map((layer) => {
      const from = source.layers.find((candidate) => candidate.name === layer.name);
      if (!from) throw new Error(`model.json has no layer '${layer.name}'.`);
      return { layer, values: from.getWeights() };
    });
    for (const { layer, values } of pairs) {
      const shapes = layer.getWeights().map((w) => w.shape.join('×'));
      const given = values.map((w) => w.shape.join('×'));
      if (shapes.join() !== given.join()) {
        throw new Error(
          `Layer '${layer.name}' needs weights ${shapes.join(', ')} but got ${given.join(', ')}.`,
        );
      }
    }
    for (const { layer, values } of pairs) if (values.length > 0) layer.setWeights(values);
  } finally {
    source.dispose();
  }
}
