import type * as tf from '@tensorflow/tfjs';
import type { DataConfig, DatasetSummary } from '../../shared/dataset';
import { sameNetwork } from '../../model/same-network';
import type { ModelSpec } from '../../shared/model-spec';
import type { CheckpointInfo } from '../../shared/protocol';
import type { TrainSettings } from '../../shared/train-settings';
import type { SerialisedModel } from '../export/serialise';
import { serialiseModel } from '../export/serialise';
import type { OptimizerState } from './optimizer-state';
import { readOptimizerState } from './optimizer-state';

/** What it takes to put a run back as it was at the end of an epoch. */
export interface Checkpoint extends CheckpointInfo {
  spec: ModelSpec;
  settings: TrainSettings;
  /** The data it was trained on: the dataset's fingerprint and its split. */
  data: { fingerprint: string; config: DataConfig };
  model: SerialisedModel;
  optimizer: OptimizerState;
}

/** The model's weights, serialised as model.save writes them, and the optimizer's state. */
export function readTrainingState(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  kind: TrainSettings['optimizer'],
): Promise<[SerialisedModel, OptimizerState]> {
  return Promise.all([serialiseModel(model), readOptimizerState(optimizer, kind)]);
}

/** Copies the model's weights and the optimizer's state off the device, with what they belong to. */
export async function captureCheckpoint(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  about: Omit<Checkpoint, 'model' | 'optimizer'>,
): Promise<Checkpoint> {
  const [serialised, state] = await readTrainingState(model, optimizer, about.settings.optimizer);
  return { ...about, model: serialised, optimizer: state };
}

/** True when two data configs divide and scale the examples alike (key order aside). */
function sameSplit(a: DataConfig, b: DataConfig): boolean {
  return (
    a.validation === b.validation &&
    a.test === b.test &&
    a.seed === b.seed &&
    a.normalisation === b.normalisation
  );
}

/** True when `checkpoint` was trained with the network `spec` on the data `summary` describes. */
export function checkpointFits(
  checkpoint: Checkpoint,
  summary: DatasetSummary | undefined,
  spec: ModelSpec,
): boolean {
  return (
    summary !== undefined &&
    checkpoint.data.fingerprint === summary.fingerprint &&
    sameSplit(checkpoint.data.config, summary.config) &&
    sameNetwork(checkpoint.spec, spec)
  );
}
