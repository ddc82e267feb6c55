import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { meanAndSpread } from '../data/k-fold';
import type { DatasetSource } from '../shared/dataset';
import type { RunEndEvent, WorkerEvent } from '../shared/protocol';
import { DEFAULT_SETTINGS } from '../shared/train-settings';
import type * as DeviceDataModule from './device-data';
import type { SplitIndices } from './device-data';
import { Engine } from './engine';
import { shapesNet } from './shapes-net.fixture';

/** Every split the engine puts on the device, in order. */
const uploads = vi.hoisted(() => [] as SplitIndices[]);
vi.mock('./device-data', async (importOriginal) => {
  const actual = await importOriginal<typeof DeviceDataModule>();
  return {
    ...actual,
    uploadDataset: (...args: Parameters<typeof actual.uploadDataset>) => {
      uploads.push(args[1]);
      return actual.uploadDataset(...args);
    },
  };
});

const spec = shapesNet();
const settings = {
  ...DEFAULT_SETTINGS,
  epochs: 1,
  batchSize: 30,
  learningRate: 0.01,
  crossValidation: 3,
};
const shapes: DatasetSource = { kind: 'shapes', count: 120, seed: 1 };

/** An engine on the cpu backend with colour shapes loaded; `onEvent` sees each event as it is posted. */
async function engineWith(source = shapes, onEvent?: (event: WorkerEvent) => void) {
  vi.stubGlobal('fetch', () => Promise.reject(new Error('offline')));
  const events: WorkerEvent[] = [];
  const engine = new Engine((event) => {
    events.push(event);
    onEvent?.(event);
  });
  await engine.handle({ type: 'init', backend: 'cpu', assetBase: 'http://studio.test/' });
  await engine.handle({ type: 'loadDataset', source });
  vi.unstubAllGlobals();
  const runEnd = () => events.findLast((e): e is RunEndEvent => e.type === 'runEnd');
  return { engine, events, runEnd };
}

const sorted = (indices: ArrayLike<number>) => Array.from(indices).sort((a, b) => a - b);

describe('k-fold cross-validation', () => {
  beforeAll(() => tf.setBackend('cpu'));

  it('trains one model per fold on disjoint folds covering train + validation, and reports their mean and spread', async () => {
    const { engine, events, runEnd } = await engineWith();
    uploads.length = 0;
    await engine.handle({ type: 'train', spec, settings });

    const end = runEnd();
    expect(end?.outcome).toBe('completed');
    const cv = end?.crossValidation;
    expect(cv?.folds).toHaveLength(3);
    const { mean, std } = meanAndSpread(cv?.folds ?? []);
    expect(cv?.mean).toBeCloseTo(mean, 12);
    expect(cv?.std).toBeCloseTo(std, 12);
    expect(end?.message).toContain("The model kept is the last fold's");
    expect(Number.isFinite(end?.test?.accuracy)).toBe(true);
    // Each fold's score is the one its last epoch reported on the fold's validation split.
    const epochScores = events.flatMap((e) =>
      e.type === 'epochEnd' ? [e.summary.validation.accuracy] : [],
    );
    expect(cv?.folds).toEqual(epochScores);

    // One upload per fold: the test split stays; validation folds partition the rest.
    expect(uploads).toHaveLength(3);
    const test = sorted(uploads[0]!.test);
    const pool = Array.from({ length: 120 }, (_, i) => i).filter((i) => !test.includes(i));
    expect(sorted(uploads.flatMap((split) => Array.from(split.validation)))).toEqual(pool);
    for (const split of uploads) {
      expect(sorted(split.test)).toEqual(test);
      expect(sorted([...Array.from(split.train), ...Array.from(split.validation)])).toEqual(pool);
    }

    const marks = events.flatMap((e) => (e.type === 'mark' ? [e.mark] : []));
    expect(marks.filter((m) => m.kind === 'fold').map((m) => m.label)).toEqual([
      'fold 1 of 3: validating on 36 examples',
      'fold 2 of 3: validating on 36 examples',
      'fold 3 of 3: validating on 36 examples',
    ]);
    const folds = events.flatMap((e) => (e.type === 'progress' ? [e.progress.fold?.index] : []));
    expect(new Set(folds)).toEqual(new Set([1, 2, 3]));
    // The curves go on from fold to fold instead of starting again at step 0.
    const steps = events.flatMap((e) =>
      e.type === 'metrics' ? e.points.filter((p) => p.series === 'train').map((p) => p.step) : [],
    );
    expect(steps).toEqual(sorted(steps));
    expect(steps.at(-1)).toBe(3 * Math.ceil(72 / 30));
  }, 120_000);

  it("shows a fold's own validation examples in the insights while the fold trains", async () => {
    const asked: { answer?: Promise<void> } = {};
    const { engine, events } = await engineWith(shapes, (event) => {
      if (event.type !== 'epochEnd' || asked.answer) return;
      asked.answer = engine.handle({
        type: 'insight',
        request: { kind: 'evaluate', requestId: 4, split: 'validation' },
      });
    });
    uploads.length = 0;
    await engine.handle({ type: 'train', spec, settings });
    await asked.answer;
    const answer = events.find((e) => e.type === 'insight' && e.requestId === 4);
    if (answer?.type !== 'insight' || answer.result.kind !== 'evaluation') {
      throw new Error('no evaluation');
    }
    const firstEpoch = events.find((e) => e.type === 'epochEnd');
    if (firstEpoch?.type !== 'epochEnd') throw new Error('no epoch end');
    expect(answer.result.labels).toHaveLength(uploads[0]!.validation.length);
    expect(answer.result.accuracy).toBeCloseTo(firstEpoch.summary.validation.accuracy, 6);
  }, 120_000);

  it('holds no more tensors after a second cross-validated run than after the first', async () => {
    const { engine, events } = await engineWith();
    await engine.handle({ type: 'train', spec, settings });
    const after = tf.memory().numTensors;
    await engine.handle({ type: 'train', spec, settings });
    expect(tf.memory().numTensors).toBe(after);
    const perFold = events.flatMap((e) => (e.type === 'epochEnd' ? [e.summary.numTensors] : []));
    expect(perFold).toHaveLength(6);
    expect(new Set(perFold).size).toBe(1);
  }, 120_000);

  it('Stop ends the whole run, in the fold under way', async () => {
    let engine: Engine | null = null;
    let asked = false;
    const started = await engineWith(shapes, (event) => {
      if (!asked && event.type === 'progress' && event.progress.fold?.index === 2) {
        asked = true;
        void engine?.handle({ type: 'stop' });
      }
    });
    engine = started.engine;
    await engine.handle({ type: 'train', spec, settings: { ...settings, epochs: 3 } });
    const end = started.runEnd();
    expect(end?.outcome).toBe('stopped');
    expect(end?.crossValidation).toBeUndefined();
    expect(end?.message).toContain('Stopped in fold 2 of 3');
    const marks = started.events.filter((e) => e.type === 'mark' && e.mark.kind === 'fold');
    expect(marks).toHaveLength(2);
  }, 120_000);

  it('refuses a class with fewer examples than folds, and continuing from the current weights', async () => {
    const { engine, events } = await engineWith({ kind: 'shapes', count: 60, seed: 1 });
    await engine.handle({ type: 'train', spec, settings: { ...settings, crossValidation: 10 } });
    const errors = () => events.flatMap((e) => (e.type === 'error' ? [e.message] : []));
    expect(errors().at(-1)).toBe(
      "10-fold cross-validation needs at least 10 examples of every class in the train and validation splits; 'circle' has 9.",
    );
    await engine.handle({ type: 'train', spec, settings: DEFAULT_SETTINGS });
    await engine.handle({ type: 'train', spec, settings, keepWeights: true });
    expect(errors().at(-1)).toContain('cannot continue from the current weights');
    expect(events.filter((e) => e.type === 'runEnd')).toHaveLength(1);
  }, 120_000);
});
