import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LayerNodeOf, ModelSpec, PretrainedFacts } from '../../shared/model-spec';
import { chain, layer } from '../../model/spec-builder';
import { analyse } from '../../model/analyse';
import { buildModel } from '../build-model';
import { importWeights } from '../export/import-weights';
import { serialiseModel } from '../export/serialise';
import { BaseLoader } from './base-loader';

// A small "pretrained" network the tests make themselves, served as files or from a URL.
const baseSpec = chain([
  layer('input', 'in', { shape: [8, 8, 1] }),
  layer('conv2d', 'conv', { filters: 4, kernelSize: 3 }),
  layer('batchNorm', 'bn'),
  layer('flatten', 'flat'),
  layer('dense', 'hidden', { units: 8 }),
  layer('dense', 'out', { units: 3, activation: 'softmax' }),
]);
const options = { inputShape: [8, 8, 1] as [number, number, number], classes: 3 };
const source = { kind: 'files', id: 'b1', name: 'model.json' } as const;

let files: { modelJson: Record<string, unknown>; weights: ArrayBuffer };
let facts: PretrainedFacts;
let loader: BaseLoader;

function transferSpec(cutLayer: string, trainableLayers: number): ModelSpec {
  const base: LayerNodeOf<'pretrainedBase'> = layer('pretrainedBase', 'base', {
    source,
    cutLayer,
    trainableLayers,
    base: facts,
  });
  // The head's id equals a base layer's name on purpose: the studio must keep them apart.
  return chain([
    layer('input', 'in', { shape: [8, 8, 1] }),
    base,
    layer('dense', 'out', { units: 3, activation: 'softmax' }),
  ]);
}

async function build(spec: ModelSpec): Promise<tf.LayersModel> {
  return buildModel(spec, { ...options, seed: 2, bases: await loader.instantiate(spec) });
}

/** A few training steps as the studio's loop takes them: only the model's trainable weights. */
function train(model: tf.LayersModel): void {
  const optimizer = tf.train.sgd(0.5);
  const variables = model.trainableWeights.map((weight) => weight.read() as tf.Variable);
  tf.tidy(() => {
    const xs = tf.randomUniform([16, 8, 8, 1], 0, 1, 'float32', 3);
    const ys = tf.oneHot(tf.tensor1d([0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0], 'int32'), 3);
    for (let step = 0; step < 3; step++) {
      optimizer.minimize(
        () => tf.losses.softmaxCrossEntropy(ys, model.apply(xs, { training: true }) as tf.Tensor),
        false,
        variables,
      );
    }
  });
  optimizer.dispose();
}

function weightsOf(model: tf.LayersModel): Map<string, number[]> {
  return new Map(model.weights.map((w) => [w.originalName, Array.from(w.read().dataSync())]));
}

function changed(before: Map<string, number[]>, after: Map<string, number[]>): string[] {
  return [...before]
    .filter(([name, values]) => after.get(name)?.join() !== values.join())
    .map(([name]) => name);
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  const trained = buildModel(baseSpec, { ...options, seed: 1 });
  files = await serialiseModel(trained);
  trained.dispose();
  loader = new BaseLoader();
  loader.give(source, files.modelJson, files.weights);
  facts = await loader.load(source);
});
afterAll(() => vi.unstubAllGlobals());

describe('loading a pretrained base', () => {
  it('reports its input shape and every layer with shapes, parameters and wiring', () => {
    expect(facts.inputShape).toEqual([8, 8, 1]);
    expect(facts.layers.map((l) => l.name)).toEqual(['conv', 'bn', 'flat', 'hidden', 'out']);
    const bn = facts.layers[1];
    expect(bn).toMatchObject({ className: 'BatchNormalization', outputShape: [null, 6, 6, 4] });
    expect(bn?.params).toBe(16);
    expect(bn?.trainableParams).toBe(8);
    expect(facts.layers[3]?.inputs).toEqual(['flat']);
  });

  it('gives analysis the cut layer’s shape and the frozen and trainable parameter counts', () => {
    const analysis = analyse(transferSpec('hidden', 1), { shape: [8, 8, 1], classes: 3 });
    expect(analysis.problems).toEqual([]);
    expect(analysis.shapes.base).toEqual([null, 8]);
    expect(analysis.params.base).toBe(40 + 16 + 0 + 144 * 8 + 8);
    expect(analysis.totalTrainableParams).toBe(144 * 8 + 8 + 8 * 3 + 3);
  });

  it('refuses a URL that answers 404 or is not a model, and keeps nothing', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) =>
        Promise.resolve(
          url.includes('missing')
            ? new Response('not here', { status: 404 })
            : new Response('<html>hello</html>', { status: 200 }),
        ),
      ),
    );
    await expect(
      loader.load({ kind: 'url', url: 'http://models.test/missing/model.json' }),
    ).rejects.toThrow(/could not be read.*404/);
    await expect(
      loader.load({ kind: 'url', url: 'http://models.test/page/model.json' }),
    ).rejects.toThrow(/could not be read/);
    await expect(loader.load({ kind: 'url', url: 'not a url' })).rejects.toThrow(
      /not a web address/,
    );
  });

  it('refuses a graph model with a plain reason', () => {
    const graph = { format: 'graph-model', modelTopology: { node: [] }, weightsManifest: [] };
    expect(() =>
      loader.give({ kind: 'files', id: 'g', name: 'graph.json' }, graph, new ArrayBuffer(0)),
    ).toThrow(/graph model.*layers model/);
  });
});

describe('a network built on a pretrained base', () => {
  it('starts from the base’s weights, predicting as the base up to the cut', async () => {
    const model = await build(transferSpec('hidden', 0));
    const original = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: files.modelJson.modelTopology as object,
        weightSpecs: (files.modelJson.weightsManifest as tf.io.WeightsManifestConfig)[0]?.weights,
        weightData: files.weights,
      }),
    );
    const cut = tf.model({ inputs: original.inputs, outputs: original.getLayer('hidden').output });
    const x = tf.randomUniform([2, 8, 8, 1], 0, 1, 'float32', 5);
    const inside = tf.model({ inputs: model.inputs, outputs: model.getLayer('base').output });
    expect(Array.from((inside.predict(x) as tf.Tensor).dataSync())).toEqual(
      Array.from((cut.predict(x) as tf.Tensor).dataSync()),
    );
    tf.dispose([x]);
    original.dispose();
    model.dispose();
  });

  it('leaves a frozen base bit-identical (BatchNorm statistics too) while the head learns', async () => {
    const model = await build(transferSpec('hidden', 0));
    const before = weightsOf(model);
    train(model);
    const moved = changed(before, weightsOf(model));
    expect(moved.sort()).toEqual(['out/bias', 'out/kernel']);
    model.dispose();
  });

  it('with its last layer unfrozen, changes exactly that layer of the base', async () => {
    const model = await build(transferSpec('hidden', 1));
    const before = weightsOf(model);
    train(model);
    const moved = changed(before, weightsOf(model));
    expect(moved.sort()).toEqual([
      'base/hidden/bias',
      'base/hidden/kernel',
      'out/bias',
      'out/kernel',
    ]);
    model.dispose();
  });

  it('holds no tensors once disposed, build after build', async () => {
    const model = await build(transferSpec('hidden', 1));
    model.dispose();
    const held = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) (await build(transferSpec('flat', 0))).dispose();
    expect(tf.memory().numTensors).toBe(held);
  });

  it('exports and re-imports like any studio model', async () => {
    const spec = transferSpec('hidden', 1);
    const model = await build(spec);
    train(model);
    const saved = await serialiseModel(model);
    const names = (saved.modelJson.weightsManifest as tf.io.WeightsManifestConfig)[0]?.weights.map(
      (w) => w.name,
    );
    expect(names).toContain('base/hidden/kernel');
    expect(names).toContain('out/kernel');
    const again = await build(spec);
    await importWeights(again, saved.modelJson, saved.weights);
    const x = tf.randomUniform([2, 8, 8, 1], 0, 1, 'float32', 6);
    expect(Array.from((again.predict(x) as tf.Tensor).dataSync())).toEqual(
      Array.from((model.predict(x) as tf.Tensor).dataSync()),
    );
    x.dispose();
    model.dispose();
    again.dispose();
  });

  it('refuses a cut layer the base does not have, naming it', async () => {
    const spec = transferSpec('nowhere', 0);
    expect(analyse(spec, { shape: [8, 8, 1], classes: 3 }).problems.map((p) => p.message)).toEqual([
      expect.stringContaining("no layer 'nowhere'"),
    ]);
    const held = tf.memory().numTensors;
    await expect(build(spec)).rejects.toThrow(/no layer 'nowhere'/);
    expect(tf.memory().numTensors).toBe(held);
  });

  it('refuses a dataset whose images do not fit the base, saying how to fix it', () => {
    const spec = transferSpec('hidden', 0);
    spec.nodes[0] = layer('input', 'in', { shape: [28, 28, 1] });
    const messages = analyse(spec, { shape: [28, 28, 1], classes: 3 }).problems.map(
      (p) => p.message,
    );
    expect(messages).toEqual([
      expect.stringMatching(/expects 8×8×1 images but gets 28×28×1: resize the dataset to 8×8/),
    ]);
  });
});
