import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chain, layer } from '../../model/spec-builder';
import { buildModel } from '../build-model';
import { importWeights } from './import-weights';
import { serialiseModel } from './serialise';

const spec = chain([
  layer('input', 'in', { shape: [6, 6, 1] }),
  layer('conv2d', 'c', { filters: 3, kernelSize: 3 }),
  layer('batchNorm', 'bn'),
  layer('flatten', 'f'),
  layer('dense', 'out', { units: 2, activation: 'softmax' }),
]);
const options = { inputShape: [6, 6, 1] as [number, number, number], classes: 2 };
let trained: tf.LayersModel;
let x: tf.Tensor;

beforeAll(async () => {
  await tf.setBackend('cpu');
  trained = buildModel(spec, { ...options, seed: 1 });
  x = tf.randomUniform([3, 6, 6, 1], 0, 1, 'float32', 9);
});
afterAll(() => {
  trained.dispose();
  x.dispose();
});

describe('importing weights into a network built from the same spec', () => {
  it('predicts exactly as the model they came from', async () => {
    const { modelJson, weights } = await serialiseModel(trained);
    const fresh = buildModel(spec, { ...options, seed: 2 });
    await importWeights(fresh, modelJson, weights);
    const want = (trained.predict(x) as tf.Tensor).dataSync();
    const got = (fresh.predict(x) as tf.Tensor).dataSync();
    expect([...got]).toEqual([...want]);
    fresh.dispose();
  });

  it('refuses weights of the wrong size and leaves the target as it was', async () => {
    const { modelJson, weights } = await serialiseModel(trained);
    const fresh = buildModel(spec, { ...options, seed: 2 });
    const before = (fresh.predict(x) as tf.Tensor).dataSync();
    await expect(importWeights(fresh, modelJson, weights.slice(0, 100))).rejects.toThrow(
      /holds 100 bytes but model.json describes \d+/,
    );
    expect([...(fresh.predict(x) as tf.Tensor).dataSync()]).toEqual([...before]);
    fresh.dispose();
  });

  it('refuses weights of another network with the layer that differs', async () => {
    const wider = chain([
      layer('input', 'in', { shape: [6, 6, 1] }),
      layer('conv2d', 'c', { filters: 5, kernelSize: 3 }),
      layer('batchNorm', 'bn'),
      layer('flatten', 'f'),
      layer('dense', 'out', { units: 2, activation: 'softmax' }),
    ]);
    const other = buildModel(wider, { ...options, seed: 1 });
    const { modelJson, weights } = await serialiseModel(other);
    const fresh = buildModel(spec, { ...options, seed: 2 });
    await expect(importWeights(fresh, modelJson, weights)).rejects.toThrow(
      /Layer 'c' needs weights/,
    );
    other.dispose();
    fresh.dispose();
  });

  it('holds no extra tensors afterwards', async () => {
    const { modelJson, weights } = await serialiseModel(trained);
    const fresh = buildModel(spec, { ...options, seed: 2 });
    const before = tf.memory().numTensors;
    await importWeights(fresh, modelJson, weights);
    expect(tf.memory().numTensors).toBe(before);
    fresh.dispose();
  });
});
