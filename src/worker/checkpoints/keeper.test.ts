import { DEFAULT_EARLY_STOPPING, EarlyStopper } from '../../shared/early-stopping';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_CONFIG } from '../../shared/dataset';
import { DEFAULT_SETTINGS } from '../../shared/train-settings';
import { chain, layer } from '../../model/spec-builder';
import type { Checkpoint } from './checkpoint';
import { CheckpointKeeper, checkpointFailure } from './keeper';
import type { CheckpointStore } from './store';
import { memoryStore } from './store';

/** A checkpoint with the given epoch and validation loss, and no real weights. */
function makeCheckpoint(epoch: number, loss: number): Checkpoint {
  return {
    epoch,
    validation: { loss, accuracy: 1 - loss / 10 },
    spec: chain([layer('input', 'input', { shape: [2, 2, 1] })]),
    settings: DEFAULT_SETTINGS,
    data: { fingerprint: 'abc', config: DEFAULT_DATA_CONFIG },
    model: { modelJson: {}, weights: new ArrayBuffer(0) },
    optimizer: { optimizer: 'adam', values: [] },
  };
}

describe('CheckpointKeeper', () => {
  it('keeps the latest epoch and the lowest validation loss of the current run', async () => {
    const store = memoryStore();
    const keeper = new CheckpointKeeper(store, () => {});
    keeper.beginRun();
    // The run judges which epoch is best, by its early-stopping monitor: validation loss here.
    const stopper = new EarlyStopper(DEFAULT_EARLY_STOPPING);
    [0.9, 0.5, 0.7, 0.5, Number.NaN, 0.8].forEach((loss, i) => {
      const checkpoint = makeCheckpoint(i + 1, loss);
      keeper.keep(checkpoint, stopper.observe(i + 1, checkpoint.validation).improved);
    });
    await keeper.settled();
    expect((await store.get('best'))?.epoch).toBe(2);
    expect(keeper.bestOfRun?.epoch).toBe(2);
    // The diverged epoch 5 is skipped; epoch 6 is the latest.
    expect((await store.get('latest'))?.epoch).toBe(6);
    expect(keeper.latestEpoch).toBe(6);
    expect(keeper.latestOfRun?.epoch).toBe(6);

    keeper.beginRun();
    keeper.keep(makeCheckpoint(1, 2.0), true);
    await keeper.settled();
    expect((await keeper.read('best'))?.epoch).toBe(1);
    expect((await store.get('best'))?.validation.loss).toBe(2.0);
  });

  it('reports a store that refuses writes once, in plain words, and never throws', async () => {
    const failing: CheckpointStore = {
      get: () => Promise.resolve(undefined),
      put: () =>
        Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')),
    };
    const reports: string[] = [];
    const keeper = new CheckpointKeeper(failing, (message) => reports.push(message));
    keeper.beginRun();
    for (let epoch = 1; epoch <= 3; epoch++) keeper.keep(makeCheckpoint(epoch, 1 / epoch), true);
    await keeper.settled();
    expect(reports).toEqual([checkpointFailure(new DOMException('', 'QuotaExceededError'), null)]);
    expect(reports[0]).toContain('storage for this site is full');
    expect(reports[0]).toContain('training goes on');
    expect(reports[0]).toContain('use Export to keep the trained model');
    // The run's best is still known, for restoring within this session.
    expect(keeper.bestOfRun?.epoch).toBe(3);
  });

  it('names the last checkpoint a reload still has after the storage fills up, and tells again after a write worked', async () => {
    const slots = memoryStore();
    let full = false;
    const store: CheckpointStore = {
      get: (slot) => slots.get(slot),
      put: (entries) =>
        full
          ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
          : slots.put(entries),
    };
    const reports: string[] = [];
    const keeper = new CheckpointKeeper(store, (message) => reports.push(message));
    keeper.beginRun();
    keeper.keep(makeCheckpoint(1, 0.9), true);
    await keeper.settled();
    full = true;
    keeper.keep(makeCheckpoint(2, 0.5), true);
    keeper.keep(makeCheckpoint(3, 0.4), true);
    await keeper.settled();
    expect(reports).toHaveLength(1);
    expect(reports[0]).toContain('a reload brings back the checkpoint of epoch 1 at most');
    // The refused writes left the stored checkpoints as they were.
    expect((await keeper.read('latest'))?.epoch).toBe(1);
    expect((await keeper.read('best'))?.epoch).toBe(1);

    full = false;
    keeper.keep(makeCheckpoint(4, 0.3), true);
    await keeper.settled();
    full = true;
    keeper.keep(makeCheckpoint(5, 0.2), true);
    await keeper.settled();
    expect(reports).toHaveLength(2);
    expect(reports[1]).toContain('epoch 4 at most');
  });

  it('words other failures with their reason', () => {
    expect(checkpointFailure(new Error('no IndexedDB'), null)).toBe(
      'The browser would not store training checkpoints (no IndexedDB), so a reload will not bring the trained weights back; training goes on.',
    );
  });
});
