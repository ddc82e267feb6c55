import * as tf from '@tensorflow/tfjs';
import type { TrainSettings } from '../shared/train-settings';
import { assertNever } from '../shared/assert-never';

/** A tfjs optimizer for the run's settings. */
export function makeOptimizer(settings: TrainSettings): tf.Optimizer {
  const { optimizer, learningRate, momentum } = settings;
  switch (optimizer) {
    case 'adam':
      return tf.train.adam(learningRate);
    case 'sgd':
      return momentum > 0 ? tf.train.momentum(learningRate, momentum) : tf.train.sgd(learningRate);
    case 'rmsprop':
      return tf.train.rmsprop(learningRate);
    default:
      return assertNever(optimizer);
  }
}

/** Changes the learning rate of a running optimizer, keeping its state (moments, step). */
export function setLearningRate(optimizer: tf.Optimizer, value: number): void {
  // SGD and momentum cache the rate as a tensor; Adam and RMSprop read the field each step.
  // (Not `instanceof tf.SGDOptimizer`: tfjs optimizers answer instanceof for any optimizer class.)
  const sgd = optimizer as Partial<tf.SGDOptimizer>;
  if (typeof sgd.setLearningRate === 'function') sgd.setLearningRate(value);
  else (optimizer as unknown as { learningRate: number }).learningRate = value;
}
