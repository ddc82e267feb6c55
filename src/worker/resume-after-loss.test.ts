import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateShapes } from '../data/shapes';
import type { MetricPoint } from '../shared/protocol';
import { backendOrder } from '../shared/backend';
import { DEFAULT_DATA_CONFIG } from '../shared/dataset';
import { NO_AUGMENTATION } from '../shared/augmentation';
import { DEFAULT_SETTINGS } from '../shared/train-settings';
import type { TrainSettings } from '../shared/train-settings';
import { buildModel } from './build-model';
import type { Checkpoint } from './checkpoints/checkpoint';
import { captureCheckpoint } from './checkpoints/checkpoint';
import type { DeviceData } from './device-data';
import { uploadDataset } from './device-data';
import { DeviceLostError } from './device-loss';
import { resumeAfterLoss } from './resume-after-loss';
import type { RunListener, RunStart } from './training-run';
import { TrainingRun } from './training-run';
import type { OptimizerState } from './checkpoints/optimizer-state';
import { shapesNet } from './shapes-net.fixture';

const spec = shapesNet();
// Augmentation, a schedule and Adam: every random stream and clock a resumed run must replay.
const settings: TrainSettings = {
  ...DEFAULT_SETTINGS,
  epochs: 3,
  batchSize: 20,
  learningRate: 0.01,
  augmentation: { ...NO_AUGMENTATION, flipHorizontal: 0.5, shift: 0.1, noise: 0.05 },
  schedule: { kind: 'cosine', warmupEpochs: 1, minFactor: 0.1 },
};

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

function upload(): DeviceData {
  const { labels, pixels } = generateShapes(100, 1);
  const split = { train: range(0, 60), validation: range(60, 80), test: range(80, 100) };
  return uploadDataset({ shape: [32, 32, 3], labels, pixels }, split, 6);
}

const build = () => buildModel(spec, { seed: settings.seed, inputShape: [32, 32, 3], classes: 6 });

/** A listener that records validation points and can act at each epoch's end. */
function listener(atEpochEnd: (epoch: number) => Promise<void> = () => Promise.resolve()) {
  const validation: MetricPoint[] = [];
  const heard: RunListener = {
    progress: () => {},
    metrics: (point) => {
      if (point.series === 'validation') validation.push(point);
    },
    epochEnd: (summary) => atEpochEnd(summary.epoch),
    mark: () => {},
    restoreEpoch: () => Promise.resolve(false),
    paused: () => {},
  };
  return { validation, heard };
}

const weightsOf = (model: tf.LayersModel) =>
  model.getWeights().map((w) => Array.from(w.dataSync()));

async function train(
  model: tf.LayersModel,
  data: DeviceData,
  heard: RunListener,
  state?: OptimizerState,
  start?: RunStart,
) {
  const run = new TrainingRun(model, data, settings, heard, state, start);
  try {
    return { run, result: await run.run() };
  } finally {
    run.dispose();
  }
}

describe('resuming a run whose device was lost', () => {
  beforeAll(() => tf.setBackend('cpu'));

  it('goes on from the checkpoint exactly as the run would have gone on without the loss', async () => {
    const data = upload();
    const whole = listener();
    const wholeModel = build();
    await train(wholeModel, data, whole.heard);

    // The same run, given up after epoch 1's checkpoint, as the engine gives up a lost one.
    let checkpoint: Checkpoint | null = null;
    const firstModel = build();
    let lostRun: TrainingRun | null = null;
    const first = listener(async (epoch) => {
      if (epoch !== 1 || !lostRun) return;
      checkpoint = await captureCheckpoint(firstModel, lostRun.optimizer, {
        epoch,
        validation: first.validation[0]!,
        spec,
        settings,
        data: { fingerprint: 'shapes', config: DEFAULT_DATA_CONFIG },
      });
      lostRun.stop();
    });
    lostRun = new TrainingRun(firstModel, data, settings, first.heard);
    await lostRun.run();

    const resumption = await resumeAfterLoss({
      lost: new DeviceLostError('webgl', ''),
      order: backendOrder(),
      run: lostRun,
      checkpoint,
      build: () => Promise.resolve(build()),
    });
    lostRun.dispose();
    expect(resumption.backend).toBe('cpu');
    expect(resumption.skipped[0]).toEqual({
      backend: 'webgl',
      reason:
        'the WebGL context was lost during training; the run resumed on CPU from the checkpoint of epoch 1',
    });
    expect(resumption.mark).toMatchObject({ kind: 'resumed', step: 3, epoch: 1 });
    expect(resumption.start).toMatchObject({ epochsDone: 1, after: 'the WebGL context was lost' });
    expect(resumption.paused).toBe(false);

    const rest = listener();
    const { result } = await train(
      resumption.model,
      data,
      rest.heard,
      resumption.optimizerState,
      resumption.start,
    );
    expect(result.outcome).toBe('completed');
    expect(rest.validation.map((p) => [p.epoch, p.step])).toEqual([
      [2, 6],
      [3, 9],
    ]);
    expect(rest.validation).toEqual(whole.validation.slice(1));
    expect(weightsOf(resumption.model)).toEqual(weightsOf(wholeModel));
    data.dispose();
  }, 60_000);

  it('starts again from the beginning, with fresh weights, when no epoch had ended', async () => {
    const data = upload();
    const lost = new TrainingRun(build(), data, settings, listener().heard);
    lost.pause();
    const resumption = await resumeAfterLoss({
      lost: new DeviceLostError('webgpu', 'Device was destroyed.'),
      order: backendOrder('webgpu'),
      run: lost,
      checkpoint: null,
      build: () => Promise.resolve(build()),
    });
    lost.dispose();
    expect(resumption.start).toBeUndefined();
    expect(resumption.optimizerState).toBeUndefined();
    expect(resumption.mark).toMatchObject({ kind: 'resumed', step: 0, epoch: 0 });
    expect(resumption.skipped[0]?.reason).toContain('started again from the beginning on CPU');
    // Paused when the device went: the new run waits for Resume as well.
    expect(resumption.paused).toBe(true);
    expect(weightsOf(resumption.model)).toEqual(weightsOf(build()));
    data.dispose();
  });

  it('says so when no backend is left after the lost one', async () => {
    const data = upload();
    const lost = new TrainingRun(build(), data, settings, listener().heard);
    await expect(
      resumeAfterLoss({
        lost: new DeviceLostError('webgpu', ''),
        order: backendOrder('cpu'),
        run: lost,
        checkpoint: null,
        build: () => Promise.resolve(build()),
      }),
    ).rejects.toThrow('there is no other backend to go on with.');
    lost.dispose();
    data.dispose();
  });
});
