import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModelSpec } from '../shared/model-spec';
import type { TrainSettings } from '../shared/train-settings';
import { DEFAULT_SETTINGS } from '../shared/train-settings';
import { chain, layer } from '../model/spec-builder';
import { readTrainingState } from './checkpoints/checkpoint';
import type { InsightContext } from './insights';
import { halvesDataset, makeContext, makeDataset } from './insights/test-fixtures';
import type { RunListener } from './training-run';
import { TrainingRun } from './training-run';
import { warmEpochEnd } from './warm-epoch-end';

const convNet = chain([
  layer('input', 'input', { shape: [6, 6, 1] }),
  layer('conv2d', 'conv', { filters: 4, kernelSize: 3, activation: 'relu' }),
  layer('maxPool2d', 'pool', { poolSize: 2, strides: 2 }),
  layer('flatten', 'flatten'),
  layer('dense', 'out', { units: 2, activation: 'softmax' }),
]);

const denseNet = chain([
  layer('input', 'input', { shape: [6, 6, 1] }),
  layer('flatten', 'flatten'),
  layer('dense', 'out', { units: 2, activation: 'softmax' }),
]);

const settings: TrainSettings = { ...DEFAULT_SETTINGS, epochs: 2, batchSize: 8, seed: 5 };

function listener(losses: number[], warm?: () => Promise<void>): RunListener {
  return {
    progress: () => {},
    metrics: (point) => losses.push(point.loss),
    epochEnd: () => {},
    mark: () => {},
    restoreEpoch: () => Promise.resolve(false),
    paused: () => {},
    ...(warm ? { warm } : {}),
  };
}

/** A trained context: a run of `settings` on `spec`, with `warm` as its listener's warm-up. */
async function trained(
  spec: ModelSpec,
  validation: number,
  warm?: (run: TrainingRun, ctx: InsightContext) => Promise<void>,
) {
  const ctx = makeContext(spec, makeDataset(halvesDataset(120), 48, validation));
  const losses: number[] = [];
  const run: TrainingRun = new TrainingRun(
    ctx.model,
    ctx.device,
    settings,
    listener(losses, warm && (() => warm(run, ctx))),
  );
  await run.run();
  return { ctx, run, losses };
}

/** Every weight, the optimizer's state and the tensor count, as plain values. */
async function snapshot(run: TrainingRun) {
  const [model, optimizer] = await readTrainingState(
    run.model,
    run.optimizer,
    run.settings.optimizer,
  );
  return {
    weights: Array.from(new Float32Array(model.weights)),
    optimizer: optimizer.values.map((v) => Array.from(v.values)),
    tensors: tf.memory().numTensors,
  };
}

describe('warmEpochEnd', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('runs once, right after the first step, and the run trains exactly as without it', async () => {
    const calls: number[] = [];
    const warmed = await trained(convNet, 40, async (run, ctx) => {
      calls.push(run.completedSteps);
      await warmEpochEnd(ctx, run.optimizer, run.settings);
    });
    const plain = await trained(convNet, 40);
    expect(calls).toEqual([1]);
    expect(warmed.losses.length).toBeGreaterThan(2);
    expect(warmed.losses).toEqual(plain.losses);
    expect((await snapshot(warmed.run)).weights).toEqual((await snapshot(plain.run)).weights);
    for (const { ctx, run } of [warmed, plain]) {
      run.dispose();
      ctx.dispose();
    }
  });

  it('leaves the weights, the optimizer state and the tensor count as they were', async () => {
    const { ctx, run } = await trained(convNet, 40);
    const before = await snapshot(run);
    await warmEpochEnd(ctx, run.optimizer, run.settings);
    expect(await snapshot(run)).toEqual(before);
    run.dispose();
    ctx.dispose();
  });

  it('passes over what the network or the data cannot give: no conv layer, no validation images', async () => {
    for (const [spec, validation] of [
      [denseNet, 40],
      [convNet, 0],
    ] as const) {
      const { ctx, run } = await trained(spec, validation);
      const before = await snapshot(run);
      await expect(warmEpochEnd(ctx, run.optimizer, run.settings)).resolves.toBeUndefined();
      expect(await snapshot(run)).toEqual(before);
      run.dispose();
      ctx.dispose();
    }
  });
});
