import type * as tf from '@tensorflow/tfjs';
import type { Backend, SkippedBackend } from '../shared/backend';
import { activateBackend } from './backend';
import type { Checkpoint } from './checkpoints/checkpoint';
import type { OptimizerState } from './checkpoints/optimizer-state';
import type { DeviceLostError } from './device-loss';
import { importWeights } from './export/import-weights';
import type { SerialisedModel } from './export/serialise';
import type { Notice, Recovered } from './idle-loss-words';
import { idleLossNotice, idleLossReason } from './idle-loss-words';
import { nextBackends } from './resume-plan';

/** The network the engine held when its device was lost, and what survives of it off the GPU. */
export interface HeldNetwork {
  /** Its weights, copied to the host after they last changed (a run's end, an import, a restore). */
  mirror: SerialisedModel | null;
  /** The optimizer state that goes with `mirror`. */
  optimizerState: OptimizerState | null;
  /** The last run's latest checkpoint, when that run trained this network on this data. */
  checkpoint: Checkpoint | null;
  /** Builds the network, with fresh weights, on the active backend. */
  build(): Promise<tf.LayersModel>;
}

/** The engine after the move: a new backend, and the network rebuilt on it. */
export interface IdleMove {
  backend: Backend;
  /** For the backend badge: the lost backend with what happened, then any passed over. */
  skipped: SkippedBackend[];
  /** The network on `backend`, or null when there was none or it could not be built. */
  model: tf.LayersModel | null;
  optimizerState: OptimizerState | null;
  notice: Notice;
}

/**
 * Moves an engine whose device was lost while no run trained to the next backend of the chain
 * that starts, and rebuilds its network there with the best weights that survive: the host
 * copy, else the last run's latest checkpoint, else fresh ones (and says which).
 */
export async function moveAfterIdleLoss(
  lost: DeviceLostError,
  order: readonly Backend[],
  network: HeldNetwork | null,
): Promise<IdleMove> {
  const candidates = nextBackends(order, lost.backend);
  if (candidates.length === 0) throw new Error('there is no other backend to go on with.');
  const { active, skipped } = await activateBackend(candidates);
  const moved = {
    backend: active,
    skipped: [{ backend: lost.backend, reason: idleLossReason(lost.backend, active) }, ...skipped],
  };
  const { model, optimizerState, recovered } = await rebuild(network);
  return { ...moved, model, optimizerState, notice: idleLossNotice(recovered, active) };
}

async function rebuild(network: HeldNetwork | null): Promise<{
  model: tf.LayersModel | null;
  optimizerState: OptimizerState | null;
  recovered: Recovered;
}> {
  const none = { model: null, optimizerState: null };
  if (!network) return { ...none, recovered: { from: 'nothing' } };
  let model: tf.LayersModel;
  try {
    model = await network.build();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ...none, recovered: { from: 'failed', why } };
  }
  const { mirror, checkpoint } = network;
  // importWeights leaves the model as it was when the weights do not fit: then the next source.
  if (mirror && (await imported(model, mirror))) {
    return { model, optimizerState: network.optimizerState, recovered: { from: 'mirror' } };
  }
  if (checkpoint && (await imported(model, checkpoint.model))) {
    const recovered = { from: 'checkpoint', epoch: checkpoint.epoch } as const;
    return { model, optimizerState: checkpoint.optimizer, recovered };
  }
  return { model, optimizerState: null, recovered: { from: 'fresh' } };
}

async function imported(model: tf.LayersModel, pair: SerialisedModel): Promise<boolean> {
  try {
    await importWeights(model, pair.modelJson, pair.weights);
    return true;
  } catch {
    return false;
  }
}
