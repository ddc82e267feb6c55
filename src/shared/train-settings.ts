import type { Augmentation } from './augmentation';
import { NO_AUGMENTATION, checkAugmentation } from './augmentation';
import type { EarlyStoppingSettings } from './early-stopping';
import { DEFAULT_EARLY_STOPPING, checkEarlyStopping } from './early-stopping';
import type { LrSchedule } from './lr-schedule';
import { DEFAULT_SCHEDULE, checkSchedule } from './lr-schedule';

/** The optimizers a run can use. */
export const OPTIMIZERS = ['adam', 'sgd', 'rmsprop'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

export const OPTIMIZER_LABELS: Record<OptimizerName, string> = {
  adam: 'Adam',
  sgd: 'SGD (momentum)',
  rmsprop: 'RMSprop',
};

/** Hyperparameters of one training run. */
export interface TrainSettings {
  optimizer: OptimizerName;
  learningRate: number;
  /** Momentum for SGD; 0 is plain SGD. Ignored by the other optimizers. */
  momentum: number;
  batchSize: number;
  epochs: number;
  seed: number;
  /** Train on this many randomly drawn examples per epoch, for quick demos; null uses all. */
  examplesPerEpoch: number | null;
  /** Random changes to each training batch; all zero trains on the images as they are. */
  augmentation: Augmentation;
  /** How the learning rate changes over the run; `learningRate` is its base (peak) value. */
  schedule: LrSchedule;
  /** When to end a run whose validation score stopped improving, and whether to go back to its best epoch. */
  earlyStopping: EarlyStoppingSettings;
  /**
   * k-fold cross-validation: train k fresh models, each validated on a different fold of the
   * train + validation examples, and report the mean and spread of their scores; null is off.
   */
  crossValidation: number | null;
}

export const DEFAULT_SETTINGS: TrainSettings = {
  optimizer: 'adam',
  learningRate: 0.002,
  momentum: 0.9,
  batchSize: 64,
  epochs: 2,
  seed: 42,
  examplesPerEpoch: null,
  augmentation: NO_AUGMENTATION,
  schedule: DEFAULT_SCHEDULE,
  earlyStopping: DEFAULT_EARLY_STOPPING,
  crossValidation: null,
};

/** Cross-validation's fold counts: fewer than 3 says little about spread; more takes too long. */
/** Examples per batch when a split is evaluated or predicted, whatever the training batch. */
export const EVALUATION_BATCH_SIZE = 256;

export const MIN_CV_FOLDS = 3;
export const MAX_CV_FOLDS = 10;

/** A problem with one setting, in words a student can act on. */
export interface SettingProblem {
  field: keyof TrainSettings;
  message: string;
}

const isPositiveInteger = (n: number) => Number.isInteger(n) && n > 0;

/** Checks settings before a run starts; an empty list means they are usable. */
export function checkSettings(s: TrainSettings): SettingProblem[] {
  const problems: SettingProblem[] = [];
  if (!Number.isFinite(s.learningRate) || s.learningRate <= 0) {
    problems.push({
      field: 'learningRate',
      message:
        s.learningRate === 0
          ? 'Learning rate must be above 0: at 0 no weight ever changes, so the network cannot learn.'
          : 'Learning rate must be a number above 0.',
    });
  }
  if (!Number.isFinite(s.momentum) || s.momentum < 0 || s.momentum >= 1) {
    problems.push({ field: 'momentum', message: 'Momentum must be at least 0 and below 1.' });
  }
  if (!isPositiveInteger(s.batchSize) || s.batchSize > 4096) {
    problems.push({
      field: 'batchSize',
      message: 'Batch size must be a whole number from 1 to 4096.',
    });
  }
  if (!isPositiveInteger(s.epochs) || s.epochs > 1000) {
    problems.push({
      field: 'epochs',
      message:
        s.epochs === 0
          ? 'Epochs must be at least 1: a run of 0 epochs never sees an example.'
          : 'Epochs must be a whole number from 1 to 1000.',
    });
  }
  if (!Number.isInteger(s.seed) || s.seed < 0) {
    problems.push({ field: 'seed', message: 'Seed must be a whole number, 0 or more.' });
  }
  if (s.examplesPerEpoch !== null && !isPositiveInteger(s.examplesPerEpoch)) {
    problems.push({
      field: 'examplesPerEpoch',
      message: 'Examples per epoch must be a whole number above 0.',
    });
  }
  for (const message of checkAugmentation(s.augmentation)) {
    problems.push({ field: 'augmentation', message });
  }
  for (const message of checkSchedule(s.schedule, s.epochs)) {
    problems.push({ field: 'schedule', message });
  }
  for (const message of checkEarlyStopping(s.earlyStopping)) {
    problems.push({ field: 'earlyStopping', message });
  }
  const k = s.crossValidation;
  if (k !== null && (!Number.isInteger(k) || k < MIN_CV_FOLDS || k > MAX_CV_FOLDS)) {
    problems.push({
      field: 'crossValidation',
      message: `Cross-validation folds must be a whole number from ${MIN_CV_FOLDS} to ${MAX_CV_FOLDS}.`,
    });
  }
  return problems;
}

/** The examples one epoch trains on: the training split, or fewer when examples per epoch says so. */
function examplesPerEpoch(s: Pick<TrainSettings, 'examplesPerEpoch'>, trainCount: number): number {
  return Math.min(trainCount, s.examplesPerEpoch ?? trainCount);
}

/**
 * The examples one training step uses: the batch size, or every example of an epoch when an
 * epoch has fewer, as the training loop takes them (the last batch of an epoch may be smaller).
 */
export function effectiveBatchSize(
  s: Pick<TrainSettings, 'batchSize' | 'examplesPerEpoch'>,
  trainCount: number,
): number {
  return Math.min(s.batchSize, Math.max(1, examplesPerEpoch(s, trainCount)));
}

/** The steps one epoch takes: its examples in batches, the last of which may be smaller. */
export function stepsPerEpoch(
  s: Pick<TrainSettings, 'batchSize' | 'examplesPerEpoch'>,
  trainCount: number,
): number {
  return Math.ceil(examplesPerEpoch(s, trainCount) / s.batchSize);
}

/**
 * Why a usable batch size is larger than the run can use, for a note beside the field; null
 * when it fits. Such a run trains, with one step of every example per epoch, rather than being
 * refused: the note says so, so the curves' single step per epoch is no surprise.
 */
export function batchSizeNote(
  s: Pick<TrainSettings, 'batchSize' | 'examplesPerEpoch'>,
  trainCount: number,
): string | null {
  const perEpoch = examplesPerEpoch(s, trainCount);
  if (perEpoch < 1 || !isPositiveInteger(s.batchSize) || s.batchSize <= perEpoch) return null;
  const what =
    perEpoch < trainCount
      ? `Examples per epoch is ${perEpoch}`
      : `The training split has only ${perEpoch} examples`;
  return `${what}, fewer than the batch size: each epoch is one step on all ${perEpoch}, as if the batch size were ${perEpoch}.`;
}
