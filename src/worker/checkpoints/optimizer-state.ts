import * as tf from '@tensorflow/tfjs';
import { readTogether } from '../read-together';
import type { TrainSettings } from '../../shared/train-settings';

/** One of an optimizer's saved values (moments, accumulators, the step count), as plain data. */
export interface OptimizerValue {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  values: Float32Array | Int32Array;
}

/** An optimizer's state as plain data: IndexedDB and `postMessage` can hold it. */
export interface OptimizerState {
  /** The kind that made it: another kind's state means nothing to an optimizer. */
  optimizer: TrainSettings['optimizer'];
  values: OptimizerValue[];
}

/**
 * Whether a saved state can go on in an optimizer made for `settings`: the same kind, and for
 * SGD the same use of momentum — plain SGD keeps no accumulators and refuses any, and
 * momentum's accumulators are worth nothing once momentum is off.
 */
export function stateFits(
  state: OptimizerState,
  settings: Pick<TrainSettings, 'optimizer' | 'momentum'>,
): boolean {
  if (state.optimizer !== settings.optimizer) return false;
  if (settings.optimizer !== 'sgd') return true;
  const accumulates = state.values.some(({ name }) => name !== 'iter');
  return accumulates === settings.momentum > 0;
}

/** Reads an optimizer's state off the device into fresh arrays. */
export async function readOptimizerState(
  optimizer: tf.Optimizer,
  kind: TrainSettings['optimizer'],
): Promise<OptimizerState> {
  const named = await optimizer.getWeights();
  try {
    const read = await readTogether(named.map(({ tensor }) => tensor));
    const values = named.map(({ name, tensor }, i): OptimizerValue => ({
      name,
      shape: tensor.shape,
      dtype: tensor.dtype === 'int32' ? 'int32' : 'float32',
      values: read[i] ?? new Float32Array(),
    }));
    return { optimizer: kind, values };
  } finally {
    // The optimizer's own values are variables; the step count (and a FlatOptimizer's
    // per-weight views) are tensors made for the call.
    for (const { tensor } of named) if (!(tensor instanceof tf.Variable)) tensor.dispose();
  }
}

/** Gives a new optimizer of the same kind a saved state, so the next step continues from it. */
export async function writeOptimizerState(
  optimizer: tf.Optimizer,
  state: OptimizerState,
): Promise<void> {
  const named = state.values.map(({ name, shape, dtype, values }) => ({
    name,
    tensor: tf.tensor(values, shape, dtype),
  }));
  try {
    await optimizer.setWeights(named);
  } finally {
    // setWeights keeps copies (as variables), never the given tensors.
    for (const { tensor } of named) tensor.dispose();
  }
}
