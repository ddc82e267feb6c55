import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EpochSummary, MetricPoint, RunMark } from '../shared/protocol';
import type { TrainSettings } from '../shared/train-settings';
import { DEFAULT_EARLY_STOPPING } from '../shared/early-stopping';
import { DEFAULT_SETTINGS } from '../shared/train-settings';
import { chain, layer } from '../model/spec-builder';
import { buildModel } from './build-model';
import type { DeviceData, HostExamples } from './device-data';
import { uploadDataset } from './device-data';
import type { RunListener } from './training-run';
import { TrainingRun } from './training-run';

/**
 * A tiny separable problem: 6×6 grey images, class 0 bright on the left half, class 1 bright
 * on the right, with noise.
 */
function makeDataset(count: number, seed: number): HostExamples {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const labels = new Uint8Array(count);
  const pixels = new Uint8Array(count * 36);
  for (let n = 0; n < count; n++) {
    const label = n % 2;
    labels[n] = label;
    for (let p = 0; p < 36; p++) {
      const left = p % 6 < 3;
      const bright = left === (label === 0);
      pixels[n * 36 + p] = Math.round((bright ? 150 : 40) + random() * 60);
    }
  }
  return { shape: [6, 6, 1], labels, pixels };
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/** 256 training, 64 validation and 64 test examples, drawn with different seeds. */
function upload(budget?: number): DeviceData {
  const parts = [makeDataset(256, 1), makeDataset(64, 2), makeDataset(64, 3)];
  const host: HostExamples = {
    shape: [6, 6, 1],
    labels: Uint8Array.from(parts.flatMap((p) => [...p.labels])),
    pixels: Uint8Array.from(parts.flatMap((p) => [...p.pixels])),
  };
  const split = { train: range(0, 256), validation: range(256, 320), test: range(320, 384) };
  return uploadDataset(host, split, 2, undefined, budget);
}

const tinyNet = () =>
  chain([
    layer('input', 'input', { shape: [6, 6, 1] }),
    layer('conv2d', 'conv', { filters: 4, kernelSize: 3, activation: 'tanh' }),
    layer('flatten', 'flatten'),
    layer('dense', 'out', { units: 2, activation: 'softmax' }),
  ]);

function recorder() {
  const points: MetricPoint[] = [];
  const epochs: EpochSummary[] = [];
  const marks: RunMark[] = [];
  const restored: number[] = [];
  const listener: RunListener = {
    progress: () => {},
    metrics: (p) => points.push(p),
    epochEnd: (e) => {
      epochs.push(e);
    },
    mark: (m) => marks.push(m),
    restoreEpoch: (epoch) => {
      restored.push(epoch);
      return Promise.resolve(true);
    },
    paused: () => {},
  };
  return { points, epochs, marks, restored, listener };
}

function makeRun(settings: Partial<TrainSettings>, listener: RunListener, data: DeviceData) {
  const model = buildModel(tinyNet(), { seed: 1 });
  return new TrainingRun(model, data, { ...DEFAULT_SETTINGS, ...settings }, listener);
}

describe('TrainingRun on the cpu backend', () => {
  let data: DeviceData;
  beforeAll(async () => {
    await tf.setBackend('cpu');
    data = upload();
  });

  afterAll(() => data.dispose());

  it('trains identically from host-streamed batches and from the device', async () => {
    const streamed = upload(0);
    expect(streamed.storage).toBe('streamed');
    expect(data.storage).toBe('device');
    const curves = [];
    for (const source of [data, streamed]) {
      const { points, listener } = recorder();
      const run = makeRun({ epochs: 2, batchSize: 16, seed: 7 }, listener, source);
      await run.run();
      run.dispose();
      run.model.dispose();
      curves.push(points.map((p) => p.loss));
    }
    streamed.dispose();
    expect(curves[1]).toEqual(curves[0]);
  });

  it("reports each window's loss as model.fit does, L2 penalty included, and its accuracy", async () => {
    const spec = chain([
      layer('input', 'input', { shape: [6, 6, 1] }),
      layer('flatten', 'flatten'),
      layer('dense', 'out', {
        units: 2,
        activation: 'softmax',
        kernelRegularizer: { l1: 0, l2: 0.5 },
      }),
    ]);
    const model = buildModel(spec, { seed: 3 });
    // Learning rate 0: the weights stay, so the whole epoch sees the network measured below.
    const { points, listener } = recorder();
    const settings = { ...DEFAULT_SETTINGS, optimizer: 'sgd' as const, momentum: 0 };
    const run = new TrainingRun(
      model,
      data,
      { ...settings, epochs: 1, batchSize: 32, learningRate: 0 },
      listener,
    );
    await run.run();
    run.dispose();
    const [point] = points.filter((p) => p.series === 'train');
    const { x, y } = data.train.range(0, data.train.count);
    const probs = model.predict(x) as tf.Tensor2D;
    const labels = Array.from(await y.data());
    const rows = await probs.array();
    const crossEntropy = -rows.reduce((sum, row, i) => sum + Math.log(row[labels[i] ?? 0]!), 0);
    const correct = rows.filter((row, i) => row.indexOf(Math.max(...row)) === labels[i]).length;
    const [kernel] = model.getLayer('out').getWeights();
    const penalty = 0.5 * (await kernel!.square().sum().data())[0]!;
    expect(point?.loss).toBeCloseTo(crossEntropy / labels.length + penalty, 4);
    expect(point?.accuracy).toBeCloseTo(correct / labels.length, 6);
    tf.dispose([x, y, probs]);
    model.dispose();
  });

  it('trains with augmentation without leaking tensors', async () => {
    const { epochs, listener } = recorder();
    const augmentation = { ...DEFAULT_SETTINGS.augmentation, rotation: 20, noise: 0.05 };
    const run = makeRun({ epochs: 3, batchSize: 16, augmentation }, listener, data);
    const result = await run.run();
    run.dispose();
    run.model.dispose();
    expect(result.outcome).toBe('completed');
    expect(new Set(epochs.map((e) => e.numTensors)).size).toBe(1);
  });

  it('learns a separable problem and leaks no tensors from epoch to epoch', async () => {
    const { points, epochs, listener } = recorder();
    const run = makeRun({ epochs: 4, batchSize: 16, learningRate: 0.01 }, listener, data);
    const result = await run.run();
    run.dispose();
    run.model.dispose();

    expect(result.outcome).toBe('completed');
    expect(result.test?.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(epochs.map((e) => e.epoch)).toEqual([1, 2, 3, 4]);
    expect(new Set(epochs.map((e) => e.numTensors)).size).toBe(1);
    const train = points.filter((p) => p.series === 'train');
    expect(train.length).toBeGreaterThan(4);
    expect(train.at(-1)!.loss).toBeLessThan(train[0]!.loss);
    expect(points.filter((p) => p.series === 'validation')).toHaveLength(4);
  });

  it('pauses between steps and resumes at the same step', async () => {
    const { listener } = recorder();
    const run = makeRun({ epochs: 3, batchSize: 8 }, listener, data);
    const done = run.run();
    await new Promise((resolve) => setTimeout(resolve, 30));
    run.pause();
    await new Promise((resolve) => setTimeout(resolve, 30));
    const pausedAt = run.completedSteps;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(run.completedSteps).toBe(pausedAt);
    run.resume();
    const result = await done;
    expect(result.outcome).toBe('completed');
    expect(run.completedSteps).toBe(3 * (256 / 8));
    run.dispose();
    run.model.dispose();
  });

  it('stops early, keeps usable weights and reports test accuracy', async () => {
    const { listener } = recorder();
    const run = makeRun({ epochs: 50, batchSize: 8, learningRate: 0.01 }, listener, data);
    const done = run.run();
    await new Promise((resolve) => setTimeout(resolve, 200));
    run.stop();
    const result = await done;
    expect(result.outcome).toBe('stopped');
    expect(run.completedSteps).toBeLessThan(50 * 32);
    expect(result.test?.accuracy).toBeGreaterThan(0.5);
    run.dispose();
    run.model.dispose();
  });

  it('stops with advice when the loss blows up', async () => {
    const { listener } = recorder();
    const run = makeRun(
      { epochs: 3, batchSize: 16, learningRate: 1e6, optimizer: 'sgd', momentum: 0 },
      listener,
      data,
    );
    const result = await run.run();
    expect(result.outcome).toBe('diverged');
    expect(result.message).toMatch(/learning rate/i);
    run.dispose();
    run.model.dispose();
  });

  it('sets the learning rate of every step from the schedule', async () => {
    const { points, listener } = recorder();
    const schedule = { kind: 'step', everyEpochs: 1, factor: 0.5 } as const;
    const run = makeRun({ epochs: 3, batchSize: 16, learningRate: 0.04, schedule }, listener, data);
    await run.run();
    run.dispose();
    run.model.dispose();
    const rates = points.filter((p) => p.series === 'train').map((p) => [p.epoch, p.learningRate]);
    // A window read back in epoch e reports the rate of its last step: 0.04 × 0.5^(e − 1).
    for (const [epoch, rate] of rates) expect(rate).toBeCloseTo(0.04 * 0.5 ** (epoch! - 1), 9);
    expect(new Set(rates.map(([epoch]) => epoch))).toEqual(new Set([1, 2, 3]));
  });

  it('takes a learning rate set while training at the next step, and marks it', async () => {
    const { points, marks, listener } = recorder();
    const run = makeRun({ epochs: 2, batchSize: 8, learningRate: 0.01 }, listener, data);
    const done = run.run();
    await new Promise((resolve) => setTimeout(resolve, 50));
    run.setLearningRate(0.003);
    await done;
    run.dispose();
    run.model.dispose();
    expect(marks).toHaveLength(1);
    const [mark] = marks;
    expect(mark).toMatchObject({ kind: 'learningRate', label: 'learning rate set to 0.003' });
    const after = points.filter((p) => p.series === 'train' && p.step > mark!.step + 10);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((p) => p.learningRate === 0.003)).toBe(true);
  });

  it('stops early when validation loss stops improving, and goes back to the best epoch', async () => {
    const { epochs, marks, restored, listener } = recorder();
    // A rate this high makes the loss wander; patience 0 stops at the first epoch not better.
    const earlyStopping = { ...DEFAULT_EARLY_STOPPING, enabled: true, patience: 0 };
    const settings = { epochs: 30, batchSize: 16, learningRate: 0.05, earlyStopping };
    const run = makeRun(settings, listener, data);
    const result = await run.run();
    run.dispose();
    run.model.dispose();
    const losses = epochs.map((e) => e.validation.loss);
    const last = epochs.length;
    expect(last).toBeLessThan(30);
    expect(losses[last - 1]).toBeGreaterThanOrEqual(Math.min(...losses.slice(0, -1)));
    const best = losses.indexOf(Math.min(...losses)) + 1;
    expect(result.earlyStop).toEqual({
      stoppedAfter: last,
      bestEpoch: best,
      reason: expect.stringContaining('Validation loss did not improve') as unknown,
      restored: true,
    });
    expect(restored).toEqual([best]);
    expect(marks.map((m) => m.kind)).toEqual(['stopped', 'best']);
    expect(result.message).toContain(`the weights of its best epoch, ${best}`);
  });

  it('is reproducible on the cpu backend: the same seed gives the same curves bit for bit, dropout and augmentation included', async () => {
    const net = chain([
      layer('input', 'input', { shape: [6, 6, 1] }),
      layer('conv2d', 'conv', { filters: 4, kernelSize: 3, activation: 'relu' }),
      layer('flatten', 'flatten'),
      layer('dropout', 'drop', { rate: 0.3 }),
      layer('dense', 'out', { units: 2, activation: 'softmax' }),
    ]);
    const augmentation = { ...DEFAULT_SETTINGS.augmentation, shift: 0.1, noise: 0.05 };
    const curves = async (seed: number) => {
      const { points, listener } = recorder();
      const settings = { ...DEFAULT_SETTINGS, epochs: 2, batchSize: 16, seed, augmentation };
      const run = new TrainingRun(buildModel(net, { seed }), data, settings, listener);
      await run.run();
      run.dispose();
      run.model.dispose();
      return points.map((p) => [p.loss, p.accuracy]);
    };
    const first = await curves(3);
    expect(await curves(3)).toEqual(first);
    expect(await curves(4)).not.toEqual(first);
  });

  it('uses only examplesPerEpoch examples per epoch', async () => {
    const { listener } = recorder();
    const run = makeRun({ epochs: 2, batchSize: 10, examplesPerEpoch: 50 }, listener, data);
    await run.run();
    expect(run.completedSteps).toBe(2 * 5);
    run.dispose();
    run.model.dispose();
  });
});
