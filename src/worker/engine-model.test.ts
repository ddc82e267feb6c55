import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ExportedModel } from '../shared/exported-model';
import type { WorkerEvent } from '../shared/protocol';
import { DEFAULT_SETTINGS } from '../shared/train-settings';
import { Engine } from './engine';
import { shapesNet } from './shapes-net.fixture';
import { chain, layer } from '../model/spec-builder';

const spec = shapesNet();
const settings = { ...DEFAULT_SETTINGS, epochs: 1, batchSize: 30, learningRate: 0.01 };
const still = { ...settings, learningRate: 1e-9 };

/** An engine on the cpu backend with 120 colour shapes loaded. */
async function engineWithShapes() {
  vi.stubGlobal('fetch', () => Promise.reject(new Error('offline')));
  const events: WorkerEvent[] = [];
  const engine = new Engine((event) => events.push(event));
  await engine.handle({ type: 'init', backend: 'cpu', assetBase: 'http://studio.test/' });
  await engine.handle({ type: 'loadDataset', source: { kind: 'shapes', count: 120, seed: 1 } });
  vi.unstubAllGlobals();
  let nextId = 1;
  const exported = async (): Promise<ExportedModel> => {
    const requestId = nextId++;
    await engine.handle({ type: 'export', requestId });
    const answer = events.find((e) => 'requestId' in e && e.requestId === requestId);
    if (answer?.type !== 'exported') throw new Error(JSON.stringify(answer));
    return answer.model;
  };
  const weightsOf = async () => new Float32Array((await exported()).weights);
  return { engine, events, exported, weightsOf };
}

const largestDifference = (a: Float32Array, b: Float32Array) =>
  a.reduce((most, value, i) => Math.max(most, Math.abs(value - b[i]!)), 0);

describe('the model between runs', () => {
  beforeAll(() => tf.setBackend('cpu'));

  it('a run that keeps the weights starts from the trained ones, a fresh run does not', async () => {
    const { engine, weightsOf } = await engineWithShapes();
    await engine.handle({ type: 'train', spec, settings });
    const trained = await weightsOf();

    await engine.handle({ type: 'train', spec, settings: still, keepWeights: true });
    expect(largestDifference(await weightsOf(), trained)).toBeLessThan(1e-5);

    await engine.handle({ type: 'train', spec, settings: still });
    expect(largestDifference(await weightsOf(), trained)).toBeGreaterThan(1e-3);
  }, 60_000);

  it('refuses to keep weights for a changed network, saying why', async () => {
    const { engine, events } = await engineWithShapes();
    await engine.handle({ type: 'train', spec, settings });
    const wider = shapesNet(8);
    await engine.handle({ type: 'train', spec: wider, settings, keepWeights: true });
    const last = events.at(-1);
    expect(last?.type === 'error' && last.where).toBe('training');
    expect(last?.type === 'error' && last.message).toContain(
      'The network changed since its weights were made',
    );
  }, 60_000);

  it('an imported model is the current model, and a bad import leaves the old one', async () => {
    const { engine, events, exported, weightsOf } = await engineWithShapes();
    await engine.handle({ type: 'train', spec, settings });
    const first = await exported();
    await engine.handle({ type: 'train', spec, settings: { ...settings, seed: 9 } });
    const second = await weightsOf();

    const bad = { modelJson: first.modelJson, weights: first.weights.slice(0, 64) };
    await engine.handle({ type: 'importModel', requestId: 100, spec, settings, ...bad });
    expect(events.at(-1)).toMatchObject({ type: 'importError', requestId: 100 });
    expect(largestDifference(await weightsOf(), second)).toBe(0);

    const good = { modelJson: first.modelJson, weights: first.weights };
    await engine.handle({ type: 'importModel', requestId: 101, spec, settings, ...good });
    expect(events.at(-1)).toMatchObject({ type: 'imported', requestId: 101 });
    expect(largestDifference(await weightsOf(), new Float32Array(first.weights))).toBe(0);
  }, 60_000);

  it('refuses a network far beyond the memory budget before building it, and keeps the old model', async () => {
    const { engine, events, weightsOf } = await engineWithShapes();
    await engine.handle({ type: 'train', spec, settings });
    const trained = await weightsOf();
    const tensors = tf.memory().numTensors;
    const huge = chain([
      layer('input', 'input', { shape: [32, 32, 3] }),
      layer('flatten', 'flatten'),
      layer('dense', 'wide', { units: 1_000_000 }),
      layer('dense', 'out', { units: 6, activation: 'softmax' }),
    ]);
    await engine.handle({ type: 'train', spec: huge, settings });
    const refusal = events.at(-1);
    expect(refusal?.type === 'error' && refusal.where).toBe('training');
    expect(refusal?.type === 'error' && refusal.message).toMatch(
      /^wide: training needs about 46\.\d GB of memory at batch 30, more than the/,
    );
    await engine.handle({ type: 'importModel', requestId: 7, spec: huge, settings });
    expect(events.at(-1)).toMatchObject({ type: 'importError', requestId: 7 });
    expect(tf.memory().numTensors).toBe(tensors);
    expect(largestDifference(await weightsOf(), trained)).toBe(0);
  }, 60_000);
});
