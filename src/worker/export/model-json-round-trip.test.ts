import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { specFromModelJson } from '../../model/import/spec-from-model-json';
import { chain, layer } from '../../model/spec-builder';
import { TEMPLATES } from '../../model/templates';
import type { ModelSpec } from '../../shared/model-spec';
import { buildModel } from '../build-model';
import { serialiseModel } from './serialise';

beforeAll(() => tf.setBackend('cpu'));

/** What the builder shows of a spec: layers and wires, without canvas positions. */
function structure(spec: ModelSpec) {
  return {
    nodes: spec.nodes
      .map(({ id, kind, config }) => ({ id, kind, config }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    edges: spec.edges.map((e) => `${e.from}→${e.to}#${e.port ?? 0}`).sort(),
  };
}

async function roundTrip(spec: ModelSpec, shape: [number, number, number]): Promise<ModelSpec> {
  const model = buildModel(spec, { seed: 7, inputShape: shape, classes: 5 });
  try {
    return specFromModelJson((await serialiseModel(model)).modelJson);
  } finally {
    model.dispose();
  }
}

const everyOtherKind = chain([
  layer('input', 'in', { shape: [16, 16, 3] }),
  layer('rescaling', 'scale', { scale: 2, offset: -1 }),
  layer('zeroPadding2d', 'pad', { top: 1, bottom: 2, left: 0, right: 1 }),
  layer('separableConv2d', 'sep', {
    filters: 6,
    kernelSize: 3,
    depthMultiplier: 2,
    activation: 'gelu',
  }),
  layer('depthwiseConv2d', 'dw', { kernelSize: 3, dilation: 2, padding: 'same' }),
  layer('activation', 'leaky', { activation: 'leakyRelu', alpha: 0.2 }),
  layer('activation', 'elu', { activation: 'elu', alpha: 0.5 }),
  layer('spatialDropout2d', 'sdrop', { rate: 0.2 }),
  layer('conv2d', 'reg', { filters: 4, kernelSize: 1, kernelRegularizer: { l1: 0.01, l2: 0.001 } }),
  layer('globalMaxPool2d', 'gmp'),
  layer('dense', 'out', { units: 5, activation: 'softmax', kernelInitializer: 'lecunNormal' }),
]);

describe('a model the studio exported comes back as the same network', () => {
  for (const template of TEMPLATES) {
    it(`${template.label}`, async () => {
      const spec = template.build({ shape: [32, 32, 3], classes: 5 });
      expect(structure(await roundTrip(spec, [32, 32, 3]))).toEqual(structure(spec));
    });
  }

  it('with every other layer kind, activation and option', async () => {
    expect(structure(await roundTrip(everyOtherKind, [16, 16, 3]))).toEqual(
      structure(everyOtherKind),
    );
  });

  it('that tfjs itself loads back with the same outputs', async () => {
    const model = buildModel(everyOtherKind, { seed: 7, inputShape: [16, 16, 3], classes: 5 });
    const { modelJson, weights } = await serialiseModel(model);
    const manifest = modelJson.weightsManifest as tf.io.WeightsManifestConfig;
    const loaded = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: modelJson.modelTopology as object,
        weightSpecs: manifest[0]!.weights,
        weightData: weights,
      }),
    );
    const x = tf.randomUniform([2, 16, 16, 3], 0, 1, 'float32', 3);
    const expected = (model.predict(x) as tf.Tensor).dataSync();
    const got = (loaded.predict(x) as tf.Tensor).dataSync();
    expect([...got]).toEqual([...expected]);
    x.dispose();
    model.dispose();
    loaded.dispose();
  });

  it('including a join of two branches in port order', async () => {
    const spec: ModelSpec = {
      nodes: [
        layer('input', 'in', { shape: [8, 8, 1] }),
        layer('conv2d', 'a', { filters: 2, kernelSize: 1 }),
        layer('conv2d', 'b', { filters: 3, kernelSize: 1 }),
        layer('concatenate', 'join'),
        layer('flatten', 'flat'),
        layer('dense', 'out', { units: 5, activation: 'softmax' }),
      ],
      edges: [
        { from: 'in', to: 'a' },
        { from: 'in', to: 'b' },
        { from: 'b', to: 'join', port: 0 },
        { from: 'a', to: 'join', port: 1 },
        { from: 'join', to: 'flat' },
        { from: 'flat', to: 'out' },
      ],
    };
    expect(structure(await roundTrip(spec, [8, 8, 1]))).toEqual(structure(spec));
  });
});
