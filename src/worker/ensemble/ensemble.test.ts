import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatasetSource } from '../../shared/dataset';
import { DEFAULT_DATA_CONFIG } from '../../shared/dataset';
import type { EnsembleResult } from '../../shared/ensemble';
import { accuracyOfPredictions, argmaxRows, averageProbabilities } from '../../shared/ensemble';
import type { ExportedModel } from '../../shared/exported-model';
import type { InsightResult } from '../../shared/insights';
import type { WorkerEvent } from '../../shared/protocol';
import { DEFAULT_SETTINGS } from '../../shared/train-settings';
import { memoryStore } from '../checkpoints/store';
import { Engine } from '../engine';
import { shapesNet } from '../shapes-net.fixture';

const spec = shapesNet();
const settings = { ...DEFAULT_SETTINGS, optimizer: 'adam' as const, epochs: 2, batchSize: 30 };
const shapes: DatasetSource = { kind: 'shapes', count: 240, seed: 1 };

/** An engine on the cpu backend with colour shapes loaded, and helpers to ask it things. */
async function startEngine() {
  vi.stubGlobal('fetch', () => Promise.reject(new Error('offline')));
  const events: WorkerEvent[] = [];
  let onEvent: (event: WorkerEvent) => void = () => {};
  const engine = new Engine((event) => {
    events.push(event);
    onEvent(event);
  }, memoryStore());
  await engine.handle({ type: 'init', backend: 'cpu', assetBase: 'http://studio.test/' });
  await engine.handle({ type: 'loadDataset', source: shapes });
  vi.unstubAllGlobals();
  let nextId = 1;
  const answer = (requestId: number) =>
    events.find((e) => 'requestId' in e && e.requestId === requestId);
  const ask = async (type: 'evaluateEnsemble' | 'exportEnsemble', runIds: string[]) => {
    const requestId = nextId++;
    await engine.handle({ type, requestId, runIds });
    return answer(requestId);
  };
  const evaluate = async (runIds: string[]): Promise<EnsembleResult> => {
    const event = await ask('evaluateEnsemble', runIds);
    if (event?.type !== 'ensembleEvaluated') throw new Error(JSON.stringify(event));
    return event.result;
  };
  const insight = async (request: Record<string, unknown>): Promise<InsightResult> => {
    const requestId = nextId++;
    await engine.handle({ type: 'insight', request: { ...request, requestId } as never });
    const event = answer(requestId);
    if (event?.type !== 'insight') throw new Error(JSON.stringify(event));
    return event.result;
  };
  const train = async (runId: string, overrides: Partial<typeof settings>) => {
    await engine.handle({ type: 'train', spec, settings: { ...settings, ...overrides }, runId });
    const end = events.findLast((e) => e.type === 'runEnd');
    if (end?.type !== 'runEnd' || !end.test) throw new Error(JSON.stringify(end));
    return end.test;
  };
  return { engine, ask, evaluate, insight, train, listen: (f: typeof onEvent) => (onEvent = f) };
}

/** A member's probabilities on the test images, loaded from its export as anyone would. */
async function predictExported(member: ExportedModel, pixels: Uint8Array, count: number) {
  const manifest = member.modelJson.weightsManifest as tf.io.WeightsManifestConfig;
  const model = await tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: member.modelJson.modelTopology as object,
      weightSpecs: manifest[0]!.weights,
      weightData: member.weights,
    }),
  );
  const { inputShape, scale, offset } = member.preprocessing;
  const probs = tf.tidy(() => {
    // As the studio normalises: pixels to [0, 1], then × 255 · scale + offset per channel.
    const x = tf
      .tensor4d(pixels, [count, ...inputShape], 'int32')
      .toFloat()
      .div(255)
      .mul(tf.tensor1d(scale.map((s) => s * 255)))
      .add(tf.tensor1d(offset));
    return model.predict(x) as tf.Tensor;
  });
  const values = new Float32Array(await probs.data());
  probs.dispose();
  model.dispose();
  return values;
}

describe('ensembles of finished runs', () => {
  beforeAll(() => tf.setBackend('cpu'));
  afterEach(() => vi.unstubAllGlobals());

  it("scores the mean of its members' own probabilities on the test split, leaking nothing", async () => {
    const { evaluate, ask, insight, train } = await startEngine();
    const first = await train('a', { seed: 1, learningRate: 0.01 });
    const second = await train('b', { seed: 2, learningRate: 0.003 });

    const before = tf.memory().numTensors;
    const result = await evaluate(['a', 'b']);
    expect(tf.memory().numTensors).toBe(before);

    expect(result.examples).toBe(24);
    expect(result.members.map((m) => m.runId)).toEqual(['a', 'b']);
    // Rebuilt from their kept weights, the members score as they did when their runs ended.
    expect(result.members[0]!.accuracy).toBeCloseTo(first.accuracy, 6);
    expect(result.members[1]!.accuracy).toBeCloseTo(second.accuracy, 6);
    expect(result.members[0]!.perClass).toEqual(first.perClass);

    // The same members, exported and loaded with plain tfjs, averaged by hand.
    const exported = await ask('exportEnsemble', ['a', 'b']);
    expect(tf.memory().numTensors).toBe(before);
    if (exported?.type !== 'ensembleExported') throw new Error(JSON.stringify(exported));
    const indices = Array.from({ length: result.examples }, (_, i) => i);
    const examples = await insight({ kind: 'examples', split: 'test', indices });
    const evaluation = await insight({ kind: 'evaluate', split: 'test' });
    if (examples.kind !== 'examples' || evaluation.kind !== 'evaluation') throw new Error();
    const probs = await Promise.all(
      exported.members.map((member) => predictExported(member, examples.pixels, indices.length)),
    );
    const mean = averageProbabilities(probs, 6);
    expect(result.ensemble.accuracy).toBe(
      accuracyOfPredictions(argmaxRows(mean, 6), evaluation.labels),
    );
    const total = result.ensemble.confusion.flat().reduce((sum, n) => sum + n, 0);
    expect(total).toBe(24);
    expect(Number.isFinite(result.ensemble.loss)).toBe(true);
  }, 120_000);

  it('refuses, in words, too few runs, runs not kept, and a run under way', async () => {
    const { engine, ask, train, listen } = await startEngine();
    expect(await ask('evaluateEnsemble', ['a', 'a'])).toMatchObject({
      type: 'ensembleError',
      message: 'An ensemble needs at least two runs: tick another one.',
    });
    await train('a', { epochs: 1 });
    // A run started without an id is not kept.
    await engine.handle({ type: 'train', spec, settings: { ...settings, epochs: 1 } });
    expect(await ask('exportEnsemble', ['a', 'gone'])).toMatchObject({
      type: 'ensembleError',
      missing: ['gone'],
    });

    await train('b', { epochs: 1 });
    // Asked as a page message would, while the run is under way.
    const during: Promise<WorkerEvent | undefined>[] = [];
    listen((event) => {
      if (event.type === 'progress' && during.length === 0) {
        during.push(ask('evaluateEnsemble', ['a', 'b']));
      }
    });
    await train('c', { epochs: 1 });
    expect(await during[0]).toMatchObject({
      type: 'ensembleError',
      message: 'Training is running: wait for it to end before using an ensemble.',
    });

    // The kept models belong to the data: a re-split drops them all.
    await engine.handle({ type: 'configureData', config: { ...DEFAULT_DATA_CONFIG, test: 0.2 } });
    expect(await ask('evaluateEnsemble', ['a', 'b', 'c'])).toMatchObject({
      type: 'ensembleError',
      message: "3 runs' weights are no longer kept: replay them first.",
      missing: ['a', 'b', 'c'],
    });
  }, 120_000);
});
