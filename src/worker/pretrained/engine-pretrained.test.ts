import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ModelSpec, PretrainedFacts } from '../../shared/model-spec';
import { chain, layer } from '../../model/spec-builder';
import type { ImageRef, InsightRequest } from '../../shared/insights';
import type { WorkerEvent } from '../../shared/protocol';
import { DEFAULT_SETTINGS } from '../../shared/train-settings';
import { buildModel } from '../build-model';
import { serialiseModel } from '../export/serialise';
import { Engine } from '../engine';

const settings = { ...DEFAULT_SETTINGS, epochs: 1, batchSize: 30, learningRate: 0.01 };
const files = { kind: 'files', id: 'shapes-base', name: 'model.json' } as const;

/** Names and values of every weight in a model.json + weights pair. */
function weightsByName(modelJson: Record<string, unknown>, weights: ArrayBuffer) {
  const specs = (modelJson.weightsManifest as tf.io.WeightsManifestConfig).flatMap(
    (g) => g.weights,
  );
  const values = tf.io.decodeWeights(weights, specs);
  const named = new Map(
    Object.entries(values).map(([name, tensor]) => [name, Array.from(tensor.dataSync())]),
  );
  tf.dispose(Object.values(values));
  return named;
}

const messageOf = (event: WorkerEvent | undefined) =>
  event && 'message' in event ? event.message : '';

function transferSpec(base: PretrainedFacts, cutLayer: string, trainableLayers = 0): ModelSpec {
  return chain([
    layer('input', 'input', { shape: [32, 32, 3] }),
    layer('pretrainedBase', 'base', { source: files, cutLayer, trainableLayers, base }),
    layer('dense', 'out', { units: 6, activation: 'softmax' }),
  ]);
}

/** An engine with colour shapes loaded and a small base given as files, ending in `classes` softmax units. */
async function engineWithBase(classes = 8) {
  vi.stubGlobal('fetch', () => Promise.reject(new Error('offline')));
  const events: WorkerEvent[] = [];
  const engine = new Engine((event) => events.push(event));
  await engine.handle({ type: 'init', backend: 'cpu', assetBase: 'http://studio.test/' });
  await engine.handle({ type: 'loadDataset', source: { kind: 'shapes', count: 120, seed: 1 } });
  const base = buildModel(
    chain([
      layer('input', 'in', { shape: [32, 32, 3] }),
      layer('conv2d', 'conv', { filters: 4, kernelSize: 3 }),
      layer('globalAvgPool2d', 'pool'),
      layer('dense', 'features', { units: 8 }),
      layer('dense', 'classes', { units: classes, activation: 'softmax' }),
    ]),
    { seed: 4, inputShape: [32, 32, 3], classes },
  );
  const pair = await serialiseModel(base);
  base.dispose();
  let nextId = 1;
  const answer = (requestId: number) =>
    events.find((e) => 'requestId' in e && e.requestId === requestId);
  const loadBase = async (source: Parameters<Engine['handle']>[0] & { type: 'loadBase' }) => {
    await engine.handle(source);
    return answer(source.requestId);
  };
  const given = await loadBase({
    type: 'loadBase',
    requestId: nextId++,
    source: files,
    files: pair,
  });
  if (given?.type !== 'baseLoaded') throw new Error(JSON.stringify(given));
  const exported = async () => {
    const requestId = nextId++;
    await engine.handle({ type: 'export', requestId });
    const result = answer(requestId);
    if (result?.type !== 'exported') throw new Error(JSON.stringify(result));
    return weightsByName(result.model.modelJson, result.model.weights);
  };
  return { engine, events, facts: given.facts, pair, exported, loadBase, nextId: () => nextId++ };
}

describe('training on a pretrained base in the engine', () => {
  beforeAll(() => tf.setBackend('cpu'));

  it('takes a whole classifier in as one frozen block with its own weights, and trains it only once a layer is unfrozen', async () => {
    const { engine, events, facts, pair, exported } = await engineWithBase(6);
    const whole = (trainableLayers: number) =>
      chain([
        layer('input', 'input', { shape: [32, 32, 3] }),
        layer('pretrainedBase', 'imported', {
          source: files,
          cutLayer: 'classes',
          trainableLayers,
          base: facts,
        }),
      ]);
    await engine.handle({ type: 'importModel', requestId: 100, spec: whole(0), settings });
    expect(events.at(-1)).toEqual({ type: 'imported', requestId: 100 });
    const given = weightsByName(pair.modelJson, pair.weights);
    const imported = await exported();
    for (const [name, values] of given) expect(imported.get(`imported/${name}`)).toEqual(values);

    await engine.handle({ type: 'train', spec: whole(0), settings });
    const refused = events.filter((e) => e.type === 'error' && e.where === 'training');
    expect(refused.map(messageOf)).toEqual([expect.stringMatching(/Every layer is frozen/)]);
    expect(events.filter((e) => e.type === 'runState').at(-1)).toEqual({
      type: 'runState',
      state: 'idle',
    });

    await engine.handle({ type: 'train', spec: whole(1), settings });
    expect(events.filter((e) => e.type === 'error' && e.where === 'training')).toHaveLength(1);
    const trained = await exported();
    expect(trained.get('imported/classes/kernel')).not.toEqual(given.get('classes/kernel'));
    expect(trained.get('imported/features/kernel')).toEqual(given.get('features/kernel'));
  });

  it('keeps a frozen base bit-identical, trains the head, and holds no more tensors run after run', async () => {
    const { engine, events, facts, pair, exported } = await engineWithBase();
    const original = weightsByName(pair.modelJson, pair.weights);
    const spec = transferSpec(facts, 'features');
    await engine.handle({ type: 'train', spec, settings });
    expect(events.filter((e) => e.type === 'error' && e.where === 'training')).toEqual([]);
    const first = await exported();
    for (const name of ['conv/kernel', 'conv/bias', 'features/kernel', 'features/bias']) {
      expect(first.get(`base/${name}`)).toEqual(original.get(name));
    }
    await engine.handle({ type: 'train', spec, settings });
    const held = tf.memory().numTensors;
    await engine.handle({ type: 'train', spec, settings });
    expect(tf.memory().numTensors).toBe(held);
    const epochEnds = events.filter((e) => e.type === 'epochEnd');
    expect(epochEnds.length).toBe(3);

    await engine.handle({ type: 'train', spec: transferSpec(facts, 'features', 1), settings });
    const unfrozen = await exported();
    expect(unfrozen.get('base/conv/kernel')).toEqual(original.get('conv/kernel'));
    expect(unfrozen.get('base/features/kernel')).not.toEqual(original.get('features/kernel'));
  }, 60_000);

  it('answers a URL that 404s or is no model with a clear message, and changes nothing', async () => {
    const { engine, events, loadBase, nextId, exported, facts } = await engineWithBase();
    await engine.handle({ type: 'train', spec: transferSpec(facts, 'features'), settings });
    const before = await exported();
    vi.stubGlobal('fetch', (url: string) =>
      Promise.resolve(
        url.includes('missing')
          ? new Response('', { status: 404 })
          : new Response('{"hello": 1}', { status: 200 }),
      ),
    );
    const missing = await loadBase({
      type: 'loadBase',
      requestId: nextId(),
      source: { kind: 'url', url: 'http://models.test/missing/model.json' },
    });
    expect(missing?.type).toBe('baseError');
    expect(messageOf(missing)).toMatch(/404/);
    const notModel = await loadBase({
      type: 'loadBase',
      requestId: nextId(),
      source: { kind: 'url', url: 'http://models.test/other/model.json' },
    });
    expect(notModel?.type).toBe('baseError');
    expect(messageOf(notModel)).toMatch(/could not be read|not a tfjs layers model/);
    vi.unstubAllGlobals();

    const held = tf.memory().numTensors;
    await engine.handle({ type: 'train', spec: transferSpec(facts, 'nowhere'), settings });
    const errors = events.filter((e) => e.type === 'error' && e.where === 'training');
    expect(errors.map(messageOf)).toEqual([expect.stringMatching(/no layer 'nowhere'/) as unknown]);
    expect(tf.memory().numTensors).toBe(held);
    expect(await exported()).toEqual(before);
  }, 60_000);

  it('answers insights through the base: feature maps at the cut, saliency, weights, evaluation', async () => {
    const { engine, events, facts } = await engineWithBase();
    await engine.handle({ type: 'train', spec: transferSpec(facts, 'features'), settings });
    const image: ImageRef = { source: 'split', split: 'validation', index: 0 };
    const requests: InsightRequest[] = [
      { kind: 'featureMaps', requestId: 101, images: [image], layerIds: ['base'] },
      { kind: 'saliency', requestId: 102, images: [image], method: 'vanilla' },
      { kind: 'weights', requestId: 103 },
      { kind: 'evaluate', requestId: 104, split: 'validation' },
    ];
    const held = tf.memory().numTensors;
    for (const request of requests) await engine.handle({ type: 'insight', request });
    expect(tf.memory().numTensors).toBe(held);
    const answers = events.filter((e) => e.type === 'insight' || e.type === 'insightError');
    expect(answers.map((e) => e.type)).toEqual(['insight', 'insight', 'insight', 'insight']);
    const maps = answers[0];
    if (maps?.type !== 'insight' || maps.result.kind !== 'featureMaps') throw new Error('no maps');
    expect(maps.result.images[0]?.layers[0]?.output.shape).toEqual([8]);
  }, 60_000);
});
