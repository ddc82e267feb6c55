import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chain, layer } from '../../model/spec-builder';
import { DEFAULT_SETTINGS } from '../../shared/train-settings';
import { normaliseParams } from '../../data/normalisation';
import { buildModel } from '../build-model';
import { uploadDataset } from '../device-data';
import { halvesDataset, makeDataset } from '../insights/test-fixtures';
import { CHECK_IMAGES, exportModel } from './export-model';

const spec = chain([
  layer('input', 'input', { shape: [6, 6, 1] }),
  layer('conv2d', 'c1', { filters: 4, kernelSize: 3, padding: 'same', activation: 'relu' }),
  layer('batchNorm', 'bn'),
  layer('flatten', 'flat'),
  layer('dropout', 'drop', { rate: 0.3 }),
  layer('dense', 'out', { units: 2, activation: 'softmax' }),
]);

const dataset = makeDataset(halvesDataset(140), 40, 20);
dataset.summary.config = { ...dataset.summary.config, normalisation: 'standardise' };
dataset.summary.stats = { mean: [97], std: [41] };
dataset.summary.aspect = 'pad';
const scaling = normaliseParams('standardise', dataset.summary.stats, 1);
const model = buildModel(spec, { seed: 3, inputShape: dataset.host.shape });
const device = uploadDataset(dataset.host, dataset.split, 2, scaling);

beforeAll(() => tf.setBackend('cpu'));
afterAll(() => {
  model.dispose();
  device.dispose();
});

const exported = () =>
  exportModel({
    model,
    trainedWith: { spec, settings: DEFAULT_SETTINGS },
    dataset,
    device,
  });

describe('exporting a trained model', () => {
  it('writes layers-format files that tfjs loads back to the same predictions', async () => {
    const out = await exported();
    const manifest = out.modelJson.weightsManifest as { paths: string[] }[];
    expect(manifest[0]?.paths).toEqual(['weights.bin']);

    const loaded = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: out.modelJson.modelTopology as object,
        weightSpecs: (out.modelJson.weightsManifest as tf.io.WeightsManifestConfig)[0]!.weights,
        weightData: out.weights,
      }),
    );
    // Only what preprocessing.json says, applied to the check's raw pixels.
    const { scale, offset, inputShape } = out.preprocessing;
    const { check } = out;
    const channels = inputShape[2];
    const x = Float32Array.from(
      check.pixels,
      (p, i) => p * scale[i % channels]! + offset[i % channels]!,
    );
    const probs = tf.tidy(() =>
      (loaded.predict(tf.tensor4d(x, [check.count, ...inputShape])) as tf.Tensor).dataSync(),
    );
    expect(probs.length).toBe(check.probabilities.length);
    probs.forEach((p, i) => expect(Math.abs(p - check.probabilities[i]!)).toBeLessThan(1e-5));
    loaded.dispose();
  });

  it('proves itself on the first test images, with their labels', async () => {
    const { check } = await exported();
    const tests = dataset.split.test.length;
    expect(check.split).toBe('test');
    expect(check.count).toBe(Math.min(CHECK_IMAGES, tests));
    expect(check.pixels.length).toBe(check.count * 36);
    const first = dataset.split.test[0]!;
    expect([...check.pixels.subarray(0, 36)]).toEqual([
      ...dataset.host.pixels.subarray(first * 36, first * 36 + 36),
    ]);
    expect(check.labels[0]).toBe(dataset.host.labels[first]);
  });

  it('describes the preprocessing with the normalisation the studio trains with', async () => {
    const { preprocessing, trainedWith, customLayers } = await exported();
    expect(preprocessing).toMatchObject({
      inputShape: [6, 6, 1],
      colour: 'grayscale',
      aspect: 'pad',
      normalisation: 'standardise',
      scale: scaling.scale,
      offset: scaling.offset,
    });
    expect(trainedWith.spec).toBe(spec);
    expect(customLayers).toEqual([]);
  });

  it('holds no tensors afterwards', async () => {
    await exported();
    const before = tf.memory().numTensors;
    await exported();
    expect(tf.memory().numTensors).toBe(before);
  });
});
