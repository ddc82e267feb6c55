import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TrainSettings } from '../shared/train-settings';
import { DEFAULT_SETTINGS } from '../shared/train-settings';
import { readOptimizerState, writeOptimizerState } from './checkpoints/optimizer-state';
import { FlatOptimizer } from './flat-optimizer';
import { makeOptimizer, setLearningRate } from './optimizer';

/** Weights of a conv kernel's, a matrix's and a bias's shapes, the same values every call. */
function makeWeights(): tf.Variable[] {
  const shapes = [[3, 3, 1, 2], [4, 3], [3]];
  const sizes = shapes.map((shape) => shape.reduce((a, b) => a * b));
  // tidy frees the starting tensors and leaves the variables.
  return tf.tidy(() =>
    shapes.map((shape, w) =>
      tf.variable(
        tf.tensor(
          Array.from({ length: sizes[w]! }, (_, i) => Math.sin(i + w * 7)),
          shape,
        ),
      ),
    ),
  );
}

/** A loss in which every weight takes part, nonlinearly. */
function loss([kernel, matrix, bias]: tf.Variable[]): tf.Scalar {
  const x = tf.tensor4d(
    Array.from({ length: 25 }, (_, i) => (i % 7) / 7),
    [1, 5, 5, 1],
  );
  const features = tf
    .conv2d(x, kernel as tf.Tensor4D, 1, 'valid')
    .relu()
    .mean([1, 2]); // [1, 2]
  const hidden = tf.concat([features, features.square()], 1).matMul(matrix as tf.Tensor2D);
  return hidden.add(bias!).tanh().sub(0.3).square().sum();
}

const step = (optimizer: tf.Optimizer, weights: tf.Variable[]) =>
  optimizer.minimize(() => loss(weights), false, weights);

const values = (weights: tf.Variable[]) => weights.map((w) => Array.from(w.dataSync()));

const KINDS: [string, Partial<TrainSettings>][] = [
  ['adam', { optimizer: 'adam' }],
  ['sgd', { optimizer: 'sgd', momentum: 0 }],
  ['sgd with momentum', { optimizer: 'sgd', momentum: 0.9 }],
  ['rmsprop', { optimizer: 'rmsprop' }],
];

describe('FlatOptimizer', () => {
  beforeAll(() => tf.setBackend('cpu'));

  it.each(KINDS)('takes the same steps as tfjs’s own %s', (_, kind) => {
    const settings = { ...DEFAULT_SETTINGS, learningRate: 0.05, ...kind };
    const own = makeWeights();
    const flat = makeWeights();
    const ownOptimizer = makeOptimizer(settings);
    const flatOptimizer = new FlatOptimizer(makeOptimizer(settings), flat);
    for (let i = 0; i < 5; i++) {
      step(ownOptimizer, own);
      step(flatOptimizer, flat);
    }
    const [ownValues, flatValues] = [values(own), values(flat)];
    expect(flatValues).not.toEqual(values(makeWeights()));
    flatValues.forEach((weight, w) =>
      weight.forEach((value, i) => expect(value).toBeCloseTo(ownValues[w]![i]!, 6)),
    );
    for (const w of [...own, ...flat]) w.dispose();
    ownOptimizer.dispose();
    flatOptimizer.dispose();
  });

  it.each(KINDS)(
    'hands its %s state to tfjs’s own optimizer and takes it back',
    async (_, kind) => {
      const settings = { ...DEFAULT_SETTINGS, learningRate: 0.05, ...kind };
      const weights = makeWeights();
      const first = new FlatOptimizer(makeOptimizer(settings), weights);
      for (let i = 0; i < 3; i++) step(first, weights);
      const saved = await readOptimizerState(first, settings.optimizer);
      if (settings.optimizer === 'adam') {
        expect(saved.values.map((v) => v.name)).toEqual([
          'iter',
          ...['m', 'v'].flatMap((suffix) => weights.map((w) => `${w.name}/${suffix}`)),
        ]);
      }

      // The state continues in tfjs's own optimizer as it does in the flat one.
      const copy = tf.tidy(() => weights.map((w) => tf.variable(w.clone())));
      const own = makeOptimizer(settings);
      await writeOptimizerState(own, saved);
      step(first, weights);
      step(own, copy);
      values(copy).forEach((weight, w) =>
        weight.forEach((value, i) => expect(value).toBeCloseTo(values(weights)[w]![i]!, 6)),
      );

      // And back: tfjs's state into a new flat optimizer.
      const back = new FlatOptimizer(makeOptimizer(settings), weights);
      await writeOptimizerState(back, await readOptimizerState(own, settings.optimizer));
      step(back, weights);
      step(own, copy);
      values(copy).forEach((weight, w) =>
        weight.forEach((value, i) => expect(value).toBeCloseTo(values(weights)[w]![i]!, 6)),
      );
      for (const w of [...weights, ...copy]) w.dispose();
      for (const optimizer of [first, own, back]) optimizer.dispose();
    },
  );

  it('holds the same number of tensors from one step to the next and frees them all', async () => {
    const before = tf.memory().numTensors;
    const weights = makeWeights();
    const optimizer = new FlatOptimizer(makeOptimizer(DEFAULT_SETTINGS), weights);
    step(optimizer, weights);
    const held = tf.memory().numTensors;
    for (let i = 0; i < 4; i++) step(optimizer, weights);
    await readOptimizerState(optimizer, 'adam');
    expect(tf.memory().numTensors).toBe(held);
    optimizer.dispose();
    for (const w of weights) w.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a saved state made for other weights, with a message', async () => {
    const weights = makeWeights();
    const optimizer = new FlatOptimizer(makeOptimizer(DEFAULT_SETTINGS), weights.slice(0, 2));
    const other = new FlatOptimizer(makeOptimizer(DEFAULT_SETTINGS), weights);
    step(other, weights);
    const saved = await readOptimizerState(other, 'adam');
    await expect(writeOptimizerState(optimizer, saved)).rejects.toThrow(/does not fit/);
    for (const w of weights) w.dispose();
    optimizer.dispose();
    other.dispose();
  });

  it('applies a changed learning rate from the next step, as tfjs’s own optimizer does', () => {
    const settings = { ...DEFAULT_SETTINGS, optimizer: 'sgd', momentum: 0 } as const;
    const own = makeWeights();
    const flat = makeWeights();
    const ownOptimizer = makeOptimizer(settings);
    const flatOptimizer = new FlatOptimizer(makeOptimizer(settings), flat);
    // The helper the training loop uses: SGD caches its rate as a tensor.
    setLearningRate(ownOptimizer, 0.125);
    setLearningRate(flatOptimizer, 0.125);
    expect(flatOptimizer.learningRate).toBe(0.125);
    step(ownOptimizer, own);
    step(flatOptimizer, flat);
    values(flat).forEach((weight, w) =>
      weight.forEach((value, i) => expect(value).toBeCloseTo(values(own)[w]![i]!, 6)),
    );
    expect(values(flat)).not.toEqual(values(makeWeights()));
    for (const w of [...own, ...flat]) w.dispose();
    ownOptimizer.dispose();
    flatOptimizer.dispose();
  });

  it('names a restored state after the weights it belongs to, whatever they were called', async () => {
    const weights = makeWeights();
    const optimizer = new FlatOptimizer(makeOptimizer(DEFAULT_SETTINGS), weights);
    step(optimizer, weights);
    const saved = await readOptimizerState(optimizer, 'adam');
    // As after a rebuild, when tfjs-layers numbers the weights' names afresh.
    const renamed = {
      ...saved,
      values: saved.values.map((v) => ({ ...v, name: `old_1/${v.name}` })),
    };
    renamed.values[0]!.name = 'iter';
    const restored = new FlatOptimizer(makeOptimizer(DEFAULT_SETTINGS), weights);
    await writeOptimizerState(restored, renamed);
    const names = (await readOptimizerState(restored, 'adam')).values.map((v) => v.name);
    expect(names).toEqual(saved.values.map((v) => v.name));
    for (const w of weights) w.dispose();
    optimizer.dispose();
    restored.dispose();
  });
});
