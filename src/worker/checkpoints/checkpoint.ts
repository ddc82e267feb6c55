import type * as tf from '@tensorflow/tfjs';
import type { DataConfig } from '../../shared/dataset';
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

/** Copies the model's weights and the optimizer's state off the device, with what they belong to. */
export async function captureCheckpoint(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  about: Omit<Checkpoint, 'model' | 'optimizer'>,
): Promise<Checkpoint> {
  const [serialised, state] = await Promise.all([
    serialiseModel(model),
    readOptimizerState(optimizer, about.settings.optimizer),
  ]);
  return { ...about, model: serialised, optimizer: state };
}
