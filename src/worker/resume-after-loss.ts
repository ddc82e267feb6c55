import type * as tf from '@tensorflow/tfjs';
import type { Backend, SkippedBackend } from '../shared/backend';
import type { RunMark } from '../shared/protocol';
import { activateBackend } from './backend';
import type { Checkpoint } from './checkpoints/checkpoint';
import type { OptimizerState } from './checkpoints/optimizer-state';
import type { DeviceLostError } from './device-loss';
import { importWeights } from './export/import-weights';
import { lossOf, lossReason, resumeMark, resumePlan } from './resume-plan';
import type { RunStart, TrainingRun } from './training-run';

/** A run's next start after its device was lost: a new backend and a model on it. */
export interface Resumption {
  backend: Backend;
  /** For the backend badge: the lost backend with what happened, then any passed over. */
  skipped: SkippedBackend[];
  /** Built on the new backend, with the checkpoint's weights (fresh ones without a checkpoint). */
  model: tf.LayersModel;
  optimizerState?: OptimizerState;
  start?: RunStart;
  mark: RunMark;
  /** The lost run was paused: the resumed one waits for Resume too. */
  paused: boolean;
}

/** What the engine gives the recovery: the chain, the lost run, its checkpoint, a builder. */
export interface LossContext {
  lost: DeviceLostError;
  order: readonly Backend[];
  /** The run that was training when the device went; its own numbers stay in memory. */
  run: TrainingRun;
  /** The run's latest checkpoint, or null when it was lost before its first epoch ended. */
  checkpoint: Checkpoint | null;
  /** Builds the run's network, with fresh weights, on the active backend. */
  build(): Promise<tf.LayersModel>;
}

/**
 * Moves a run whose device was lost to the next backend of the chain that starts, and rebuilds
 * its model there from the latest checkpoint: its weights, its optimizer state, and the run's
 * epochs up to it. Without a checkpoint the run starts again from the beginning.
 */
export async function resumeAfterLoss(context: LossContext): Promise<Resumption> {
  const { lost, order, run, checkpoint } = context;
  const plan = resumePlan(order, lost.backend, checkpoint?.epoch ?? null);
  if (plan.candidates.length === 0) {
    throw new Error('there is no other backend to go on with.');
  }
  const { active, skipped } = await activateBackend(plan.candidates);
  const model = await context.build();
  const reason = lossReason(lost.backend, plan.epochsDone, active);
  const resumed = {
    backend: active,
    skipped: [{ backend: lost.backend, reason }, ...skipped],
    paused: run.paused,
  };
  if (!checkpoint) {
    return { ...resumed, model, mark: resumeMark(lost.backend, 0, 0, active) };
  }
  try {
    await importWeights(model, checkpoint.model.modelJson, checkpoint.model.weights);
  } catch (error) {
    model.dispose();
    throw error;
  }
  const { epoch } = checkpoint;
  const step = run.stepAtEpochEnd(epoch) ?? 0;
  return {
    ...resumed,
    model,
    optimizerState: checkpoint.optimizer,
    start: {
      epochsDone: epoch,
      validations: run.validations.slice(0, epoch),
      after: lossOf(lost.backend),
    },
    mark: resumeMark(lost.backend, epoch, step, active),
  };
}
