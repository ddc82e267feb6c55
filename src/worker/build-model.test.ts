import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../model/analyse';
import { starterNetwork } from '../model/templates';
import { SpecProblemsError, buildModel } from './build-model';

const MNIST = { inputShape: [28, 28, 1] as [number, number, number], classes: 10 };

async function initialWeights(seed: number): Promise<Float32Array[]> {
  const model = buildModel(starterNetwork(), { seed, ...MNIST });
  const values = await Promise.all(
    model.getWeights().map((w) => w.data() as Promise<Float32Array>),
  );
  model.dispose();
  return values;
}

describe('buildModel on the cpu backend', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it("matches analyse's shapes and parameter counts layer by layer", () => {
    const spec = starterNetwork();
    const analysis = analyse(spec, { shape: MNIST.inputShape, classes: MNIST.classes });
    const model = buildModel(spec, { seed: 1, ...MNIST });
    for (const id of analysis.order) {
      const layer = model.getLayer(id);
      expect(layer.outputShape, id).toEqual(analysis.shapes[id]);
      expect(layer.countParams(), id).toBe(analysis.params[id]);
    }
    expect(model.layers.map((layer) => layer.name)).toEqual(analysis.order);
    expect(model.countParams()).toBe(analysis.totalParams);
    model.dispose();
  });

  it('gives the same initial weights for the same seed, and others for another seed', async () => {
    const [first, again, other] = await Promise.all([1, 1, 2].map(initialWeights));
    expect(again).toEqual(first);
    expect(other?.[0]).not.toEqual(first?.[0]);
  });

  it('predicts a probability distribution over the classes', () => {
    const model = buildModel(starterNetwork(), { seed: 3 });
    const sums = tf.tidy(() => (model.predict(tf.zeros([2, 28, 28, 1])) as tf.Tensor).sum(1));
    expect(Array.from(sums.dataSync())).toEqual([expect.closeTo(1, 5), expect.closeTo(1, 5)]);
    sums.dispose();
    model.dispose();
  });

  it('refuses a network that analyse finds problems with, saying why', () => {
    const build = () =>
      buildModel(starterNetwork(), { seed: 1, inputShape: [32, 32, 3], classes: 10 });
    expect(build).toThrow(SpecProblemsError);
    expect(build).toThrow(
      /The Input layer takes 28×28×1 images, but the dataset's images are 32×32×3/,
    );
  });
});
