import type { OptimizerName } from '../shared/train-settings';
import { assertNever } from '../shared/assert-never';
import type { Analysis } from './types';

const FLOAT_BYTES = 4;

/** Where the bytes of one training step go. */
export interface TrainingMemory {
  weights: number;
  gradients: number;
  /** Moments and accumulators the optimizer keeps per trainable weight. */
  optimizerState: number;
  /** Layer outputs for the whole batch, kept for the backward pass, and their gradients. */
  activations: number;
  total: number;
}

/**
 * Extra float32 values the tfjs optimizer keeps per trainable weight: Adam two moments,
 * RMSprop its mean square and momentum, SGD with momentum one velocity (plain SGD none).
 */
export function optimizerSlots(optimizer: OptimizerName, momentum = 0.9): number {
  switch (optimizer) {
    case 'adam':
      return 2;
    case 'rmsprop':
      return 2;
    case 'sgd':
      return momentum > 0 ? 1 : 0;
    default:
      return assertNever(optimizer);
  }
}

/**
 * A rough estimate of the memory one training step needs, by part: weights, their gradients
 * and optimizer state, plus every layer's output for the batch twice (the values kept for
 * the backward pass and their gradients). Backend workspace and the dataset are left out.
 */
export function trainingMemory(
  analysis: Pick<Analysis, 'totalParams' | 'totalTrainableParams' | 'totalActivationBytes'>,
  batchSize: number,
  optimizer: OptimizerName,
  momentum = 0.9,
): TrainingMemory {
  const weights = analysis.totalParams * FLOAT_BYTES;
  const gradients = analysis.totalTrainableParams * FLOAT_BYTES;
  const optimizerState = gradients * optimizerSlots(optimizer, momentum);
  const activations = analysis.totalActivationBytes * batchSize * 2;
  return {
    weights,
    gradients,
    optimizerState,
    activations,
    total: weights + gradients + optimizerState + activations,
  };
}

/** Estimated bytes one training step needs: the total of `trainingMemory`. */
export function estimateTrainingMemory(
  analysis: Pick<Analysis, 'totalParams' | 'totalTrainableParams' | 'totalActivationBytes'>,
  batchSize: number,
  optimizer: OptimizerName,
  momentum = 0.9,
): number {
  return trainingMemory(analysis, batchSize, optimizer, momentum).total;
}
