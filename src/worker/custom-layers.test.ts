import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { chain, layer } from '../model/spec-builder';
import { buildModel } from './build-model';

/** Every layer the studio builds in its own way, to prove it survives a save and a load. */
const spec = chain([
  layer('input', 'input', { shape: [10, 10, 2] }),
  layer('rescaling', 'scale', { scale: 0.5, offset: -1 }),
  layer('depthwiseConv2d', 'dilated', { dilation: 2, padding: 'valid', depthMultiplier: 2 }),
  layer('activation', 'elu', { activation: 'elu', alpha: 0.5 }),
  layer('spatialDropout2d', 'sdrop', { rate: 0.5 }),
  layer('globalAvgPool2d', 'gap'),
  layer('dense', 'out', { units: 3, activation: 'softmax' }),
]);

describe("the studio's own layers", () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('scale ELU by alpha below zero only', () => {
    const model = buildModel(spec, { seed: 1 });
    const values = tf.tidy(() =>
      Array.from((model.getLayer('elu').apply(tf.tensor1d([-1, 0, 2])) as tf.Tensor).dataSync()),
    );
    expect(values[0]).toBeCloseTo(0.5 * (Math.exp(-1) - 1), 6);
    expect(values.slice(1)).toEqual([0, 2]);
    model.dispose();
  });

  it('dilate the depthwise kernel: one tap every other pixel', () => {
    const model = buildModel(spec, { seed: 1 });
    const dilated = model.getLayer('dilated');
    dilated.setWeights(dilated.getWeights().map((w) => tf.onesLike(w)));
    // A single bright pixel at the centre is seen by 3×3 taps spaced 2 apart.
    const x = tf.buffer([1, 10, 10, 2]);
    x.set(1, 0, 4, 4, 0);
    const y = tf.tidy(
      () => (dilated.apply(x.toTensor()) as tf.Tensor).arraySync() as number[][][][],
    );
    const channel0 = y[0]!.map((row) => row.map((c) => c[0]));
    const hits = channel0.flatMap((row, i) => row.flatMap((v, j) => (v === 2 ? [[i, j]] : [])));
    expect(hits).toEqual([
      [0, 0],
      [0, 2],
      [0, 4],
      [2, 0],
      [2, 2],
      [2, 4],
      [4, 0],
      [4, 2],
      [4, 4],
    ]);
    model.dispose();
  });

  it('drop whole feature maps in SpatialDropout2D', () => {
    const model = buildModel(spec, { seed: 1 });
    const y = tf.tidy(() => {
      const out = model.getLayer('sdrop').apply(tf.ones([4, 3, 3, 8]), { training: true });
      return (out as tf.Tensor).arraySync() as number[][][][];
    });
    for (const example of y) {
      for (let c = 0; c < 8; c++) {
        const values = new Set(example.flatMap((row) => row.map((px) => px[c])));
        expect(values.size, `channel ${c}`).toBe(1);
      }
    }
    model.dispose();
  });

  it('survive saving and loading with identical predictions', async () => {
    const model = buildModel(spec, { seed: 3 });
    let saved: tf.io.ModelArtifacts | undefined;
    await model.save(
      tf.io.withSaveHandler((artifacts) => {
        saved = artifacts;
        return Promise.resolve({
          modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' },
        });
      }),
    );
    if (!saved) throw new Error('nothing saved');
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved));
    const x = tf.randomNormal([2, 10, 10, 2], 0, 1, 'float32', 5);
    const [a, b] = [model, loaded].map((m) => Array.from((m.predict(x) as tf.Tensor).dataSync()));
    expect(b).toEqual(a);
    expect(loaded.getLayer('dilated').outputShape).toEqual([null, 6, 6, 4]);
    model.dispose();
    loaded.dispose();
  });
});
