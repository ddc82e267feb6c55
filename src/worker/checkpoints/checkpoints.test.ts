import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatasetSource } from '../../shared/dataset';
import type { RestoredCheckpoint, RunEndEvent, WorkerEvent } from '../../shared/protocol';
import { DEFAULT_SETTINGS } from '../../shared/train-settings';
import { Engine } from '../engine';
import { makeOptimizer } from '../optimizer';
import { readOptimizerState, writeOptimizerState } from './optimizer-state';
import type { CheckpointStore } from './store';
import { memoryStore } from './store';
import { shapesNet } from '../shapes-net.fixture';

const spec = shapesNet();
const settings = {
  ...DEFAULT_SETTINGS,
  optimizer: 'adam' as const,
  epochs: 2,
  batchSize: 30,
  learningRate: 0.01,
};
const shapes: DatasetSource = { kind: 'shapes', count: 120, seed: 1 };

/**
 * An engine on the cpu backend with colour shapes loaded, keeping checkpoints in `store`: two
 * engines on one store are the studio before and after a reload.
 */
async function startEngine(
  store: CheckpointStore,
  source = shapes,
  onEvent: (event: WorkerEvent) => void = () => {},
) {
  vi.stubGlobal('fetch', () => Promise.reject(new Error('offline')));
  const events: WorkerEvent[] = [];
  const engine = new Engine((event) => {
    events.push(event);
    onEvent(event);
  }, store);
  await engine.handle({ type: 'init', backend: 'cpu', assetBase: 'http://studio.test/' });
  await engine.handle({ type: 'loadDataset', source });
  vi.unstubAllGlobals();
  let nextId = 1;
  const answer = (requestId: number) =>
    events.find((e) => 'requestId' in e && e.requestId === requestId);
  const weights = async () => {
    const requestId = nextId++;
    await engine.handle({ type: 'export', requestId });
    const event = answer(requestId);
    if (event?.type !== 'exported') throw new Error(JSON.stringify(event));
    return new Float32Array(event.model.weights);
  };
  const restore = async (slot: 'latest' | 'best'): Promise<RestoredCheckpoint | null> => {
    const requestId = nextId++;
    await engine.handle(
      slot === 'latest'
        ? { type: 'restoreCheckpoint', requestId, slot, spec }
        : { type: 'restoreCheckpoint', requestId, slot },
    );
    const event = answer(requestId);
    if (event?.type !== 'checkpointRestored') throw new Error(JSON.stringify(event));
    return event.restored;
  };
  return { engine, events, weights, restore };
}

describe('checkpoints', () => {
  beforeAll(() => tf.setBackend('cpu'));

  it("a reload restores the last epoch's weights bit for bit, and continuing then equals continuing without the reload", async () => {
    const store = memoryStore();
    const before = await startEngine(store);
    await before.engine.handle({ type: 'train', spec, settings });
    const trained = await before.weights();
    const latest = await store.get('latest');
    expect(latest?.epoch).toBe(2);

    const after = await startEngine(store);
    const restored = await after.restore('latest');
    expect(restored).toEqual({ epoch: 2, validation: latest?.validation });
    expect(await after.weights()).toEqual(trained);

    // The same continued run in the session that trained, and in the one after the reload.
    // (Not bit-equal to one three-epoch run: a continued run is a run of its own, whose shuffle
    // starts again from the seed, and Adam's restored bias corrections are computed as β^(t+1)
    // rather than multiplied up step by step, which may round differently in float32.)
    const more = { ...settings, epochs: 1 };
    await before.engine.handle({ type: 'train', spec, settings: more, keepWeights: true });
    await after.engine.handle({ type: 'train', spec, settings: more, keepWeights: true });
    const continued = await before.weights();
    expect(continued).not.toEqual(trained);
    expect(await after.weights()).toEqual(continued);

    // Adam went on counting its steps (4 per epoch) instead of starting afresh.
    const steps = (await store.get('latest'))?.optimizer.values.find((v) => v.name === 'iter');
    expect(Array.from(steps?.values ?? [])).toEqual([12]);
  }, 120_000);

  it('a run cut after its first epoch goes on in a new engine from that checkpoint, numbered on, and ends as the uninterrupted run', async () => {
    const sgd = { ...settings, optimizer: 'sgd' as const, epochs: 3 };
    // Each point's time says when it was made, which differs from run to run.
    const validationsOf = (events: WorkerEvent[]) =>
      events
        .flatMap((e) => (e.type === 'metrics' ? e.points : []))
        .filter((p) => p.series === 'validation')
        .map(({ step, epoch, loss, accuracy }) => ({ step, epoch, loss, accuracy }));
    const whole = await startEngine(memoryStore());
    await whole.engine.handle({ type: 'train', spec, settings: sgd });
    const wholeEnd = whole.events.find((e): e is RunEndEvent => e.type === 'runEnd');

    // The worker dies in epoch 2: its last checkpoint is epoch 1's.
    const store = memoryStore();
    const cut = await startEngine(store, shapes, (event) => {
      if (event.type === 'epochEnd' && event.summary.epoch === 1) {
        void cut.engine.handle({ type: 'stop' });
      }
    });
    await cut.engine.handle({ type: 'train', spec, settings: sgd });
    const [first] = validationsOf(cut.events);
    // Each point says when it was made: a cut run not resumed is filed as lasting until its last.
    const made = cut.events.flatMap((e) => (e.type === 'metrics' ? e.points : []));
    expect(made.every((p) => p.time !== undefined && p.time <= Date.now())).toBe(true);
    expect((await store.get('latest'))?.epoch).toBe(1);

    const after = await startEngine(store);
    expect(await after.restore('latest')).toMatchObject({ epoch: 1 });
    const validations = [{ loss: first!.loss, accuracy: first!.accuracy }];
    const resume = { epoch: 1, steps: 4, validations, after: 'pageClosed' as const };
    await after.engine.handle({ type: 'train', spec, settings: sgd, keepWeights: true, resume });
    const progress = after.events.findLast((e) => e.type === 'progress');
    expect(progress?.type === 'progress' && progress.progress).toMatchObject({
      epoch: 3,
      epochs: 3,
      step: 12,
    });
    expect(validationsOf(after.events)).toEqual(validationsOf(whole.events).slice(1));
    // Ends as the uninterrupted run, and says it went on from the checkpoint.
    expect(after.events.find((e) => e.type === 'runEnd')).toEqual({
      ...wholeEnd,
      message: `Resumed from the checkpoint of epoch 1 after the page closed. ${wholeEnd?.message}`,
    });
    expect(await after.weights()).toEqual(await whole.weights());
    // The checkpoints it keeps are numbered on too.
    expect((await store.get('latest'))?.epoch).toBe(3);

    // Only from the checkpoint of that epoch, restored as the model: not twice.
    await after.engine.handle({ type: 'train', spec, settings: sgd, keepWeights: true, resume });
    const refusal = after.events.at(-1);
    expect(refusal?.type === 'error' && refusal.message).toBe(
      'No checkpoint is restored, so there is nothing to go on from: train again.',
    );
  }, 120_000);

  it("restores nothing for another network or other data, and the run's best epoch on request", async () => {
    const store = memoryStore();
    const first = await startEngine(store);
    await first.engine.handle({ type: 'train', spec, settings: { ...settings, epochs: 3 } });
    const best = (await store.get('best'))!;
    const end = first.events.find((e) => e.type === 'runEnd');
    expect(end?.type === 'runEnd' && end.best).toEqual(
      best.epoch === 3 ? undefined : { epoch: best.epoch, validation: best.validation },
    );
    const restored = await first.restore('best');
    expect(restored).toMatchObject({ epoch: best.epoch, validation: best.validation });
    // The test split is scored again on the restored weights: the run's own score when the
    // best epoch was the last, another one otherwise.
    expect(Number.isFinite(restored?.test?.loss)).toBe(true);
    if (end?.type === 'runEnd' && end.test) {
      const { loss, accuracy } = end.test;
      if (best.epoch === 3) expect(restored?.test).toEqual({ loss, accuracy });
      else expect(restored?.test).not.toEqual({ loss, accuracy });
    }

    const otherData = await startEngine(store, { ...shapes, seed: 2 });
    expect(await otherData.restore('latest')).toBeNull();
    const wider = shapesNet(8);
    const sameData = await startEngine(store);
    await sameData.engine.handle({
      type: 'restoreCheckpoint',
      requestId: 99,
      slot: 'latest',
      spec: wider,
    });
    expect(sameData.events.at(-1)).toEqual({
      type: 'checkpointRestored',
      requestId: 99,
      restored: null,
    });
  }, 120_000);

  it("an optimizer's state comes back bit for bit", async () => {
    const variable = tf.variable(tf.tensor1d([0.3, -1.2, 2.5]));
    const adam = makeOptimizer({ ...settings, optimizer: 'adam' });
    for (let step = 0; step < 3; step++) {
      adam.minimize(() => variable.square().sum<tf.Scalar>(), false, [variable]);
    }
    const saved = await readOptimizerState(adam, 'adam');
    const fresh = makeOptimizer({ ...settings, optimizer: 'adam' });
    await writeOptimizerState(fresh, saved);
    expect(await readOptimizerState(fresh, 'adam')).toEqual(saved);
    expect(saved.values.map((v) => v.name)).toHaveLength(3);
    adam.dispose();
    fresh.dispose();
    variable.dispose();
  });
});
