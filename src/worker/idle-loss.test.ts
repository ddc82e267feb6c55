import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { backendOrder } from '../shared/backend';
import { DEFAULT_DATA_CONFIG } from '../shared/dataset';
import { DEFAULT_SETTINGS } from '../shared/train-settings';
import { buildModel } from './build-model';
import type { Checkpoint } from './checkpoints/checkpoint';
import type { OptimizerState } from './checkpoints/optimizer-state';
import { DeviceLostError } from './device-loss';
import { serialiseModel } from './export/serialise';
import type { HeldNetwork } from './idle-loss';
import { moveAfterIdleLoss } from './idle-loss';
import { shapesNet } from './shapes-net.fixture';

const spec = shapesNet();
const build = (seed: number) =>
  Promise.resolve(buildModel(spec, { seed, inputShape: [32, 32, 3], classes: 6 }));
const weightsOf = (model: tf.LayersModel | null) =>
  (model?.getWeights() ?? []).map((w) => Array.from(w.dataSync()));

const lost = new DeviceLostError('webgl', '');
const adam: OptimizerState = { optimizer: 'adam', values: [] };

async function checkpointOf(seed: number, epoch: number): Promise<Checkpoint> {
  const model = await build(seed);
  const checkpoint: Checkpoint = {
    epoch,
    validation: { loss: 1, accuracy: 0.5 },
    spec,
    settings: DEFAULT_SETTINGS,
    data: { fingerprint: 'f', config: DEFAULT_DATA_CONFIG },
    model: await serialiseModel(model),
    optimizer: { optimizer: 'adam', values: [] },
  };
  model.dispose();
  return checkpoint;
}

/** The network the engine held: built with seed 1, and what survives of it. */
function held(survives: Partial<HeldNetwork>): HeldNetwork {
  return {
    mirror: null,
    optimizerState: null,
    checkpoint: null,
    build: () => build(1),
    ...survives,
  };
}

describe('moving to the next backend after a GPU lost while nothing trains', () => {
  beforeAll(() => tf.setBackend('cpu'));

  it('goes to the backends after the lost one, and says so for the badge', async () => {
    const moved = await moveAfterIdleLoss(lost, backendOrder(), null);
    expect(moved.backend).toBe('cpu');
    expect(moved.skipped[0]).toEqual({
      backend: 'webgl',
      reason: 'the WebGL context was lost while no run was training; the studio moved to CPU',
    });
    expect(moved.model).toBeNull();
    expect(moved.notice.message).toBe('The GPU was lost; the studio goes on on CPU.');
  });

  it('rebuilds the network with the host copy of its weights, and keeps its optimizer state', async () => {
    const trained = await build(7);
    const mirror = await serialiseModel(trained);
    const checkpoint = await checkpointOf(8, 2);
    const moved = await moveAfterIdleLoss(
      lost,
      backendOrder(),
      held({ mirror, optimizerState: adam, checkpoint }),
    );
    expect(weightsOf(moved.model)).toEqual(weightsOf(trained));
    expect(moved.optimizerState).toBe(adam);
    expect(moved.notice.message).toContain('the network keeps its trained weights');
    trained.dispose();
    moved.model?.dispose();
  });

  it('goes back to the latest checkpoint without a host copy, or when the copy does not fit', async () => {
    const checkpoint = await checkpointOf(8, 2);
    const fromCheckpoint = await build(8);
    const other = buildModel(shapesNet(2), { seed: 1, inputShape: [32, 32, 3], classes: 6 });
    const misfit = await serialiseModel(other);
    for (const mirror of [null, misfit]) {
      const moved = await moveAfterIdleLoss(lost, backendOrder(), held({ mirror, checkpoint }));
      expect(weightsOf(moved.model)).toEqual(weightsOf(fromCheckpoint));
      expect(moved.optimizerState).toBe(checkpoint.optimizer);
      expect(moved.notice.message).toContain('checkpoint of epoch 2');
      moved.model?.dispose();
    }
    fromCheckpoint.dispose();
    other.dispose();
  });

  it('starts again from fresh weights when nothing survives, and says so plainly', async () => {
    const moved = await moveAfterIdleLoss(lost, backendOrder(), held({ optimizerState: adam }));
    const fresh = await build(1);
    expect(weightsOf(moved.model)).toEqual(weightsOf(fresh));
    expect(moved.optimizerState).toBeNull();
    expect(moved.notice).toMatchObject({ tone: 'error' });
    expect(moved.notice.message).toContain(
      'The GPU was lost; the network starts again from fresh weights on CPU',
    );
    fresh.dispose();
    moved.model?.dispose();
  });

  it('moves on without the network when it cannot be built again, and says why', async () => {
    const network = held({ build: () => Promise.reject(new Error('the base is gone')) });
    const moved = await moveAfterIdleLoss(lost, backendOrder(), network);
    expect(moved.backend).toBe('cpu');
    expect(moved.model).toBeNull();
    expect(moved.notice.message).toContain('could not be built again on CPU (the base is gone)');
  });

  it('refuses when the lost backend was the last of the chain', async () => {
    await expect(
      moveAfterIdleLoss(new DeviceLostError('cpu', ''), backendOrder(), null),
    ).rejects.toThrow('there is no other backend to go on with.');
  });
});
