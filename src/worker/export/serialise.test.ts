import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../model/templates';
import { buildModel } from '../build-model';
import { serialiseModel } from './serialise';

beforeAll(() => tf.setBackend('cpu'));

/** What tfjs' own `model.save` writes for the model. */
async function savedByTfjs(model: tf.LayersModel): Promise<tf.io.ModelArtifacts> {
  let saved: tf.io.ModelArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler((artifacts) => {
      saved = artifacts;
      return Promise.resolve({
        modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' },
      });
    }),
  );
  if (!saved) throw new Error('not saved');
  return saved;
}

const bytes = (data: tf.io.WeightData | ArrayBuffer | undefined) =>
  Array.from(new Uint8Array(new tf.io.CompositeArrayBuffer(data ?? new ArrayBuffer(0)).slice()));

describe('serialiseModel writes what model.save writes', () => {
  for (const template of TEMPLATES) {
    it(`${template.label}, with a frozen layer`, async () => {
      const spec = template.build({ shape: [32, 32, 3], classes: 5 });
      const model = buildModel(spec, { seed: 3, inputShape: [32, 32, 3], classes: 5 });
      // A frozen layer moves its weights behind the trainable ones in tfjs' order.
      const frozen = model.layers.find((l) => l.weights.length > 0);
      if (frozen) frozen.trainable = false;
      try {
        const expected = await savedByTfjs(model);
        const { modelJson, weights } = await serialiseModel(model);
        const [manifest] = modelJson.weightsManifest as tf.io.WeightsManifestConfig;
        expect(manifest?.paths).toEqual(['weights.bin']);
        expect(manifest?.weights).toEqual(expected.weightSpecs);
        expect(bytes(weights)).toEqual(bytes(expected.weightData));
        expect(modelJson.format).toBe(expected.format);
        expect(modelJson.generatedBy).toBe(expected.generatedBy);
        expect(modelJson.convertedBy).toBe(expected.convertedBy);
        if (!spec.nodes.some((n) => n.kind === 'separableConv2d')) {
          expect(modelJson.modelTopology).toEqual(expected.modelTopology);
        }
      } finally {
        model.dispose();
      }
    });
  }
});
