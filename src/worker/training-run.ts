import * as tf from '@tensorflow/tfjs';
import type { EpochSummary, MetricPoint, Progress, RunOutcome } from '../shared/protocol';
import type { TrainSettings } from '../shared/train-settings';
import { isIdentity } from '../shared/augmentation';
import { createRng, shuffleInPlace } from '../shared/random';
import { augmentBatch } from './augment';
import type { Augment, DeviceData } from './device-data';
import { regularizationLoss } from './build-model';
import { evaluate } from './evaluate';
import { lossAndCorrect } from './loss';
import { makeOptimizer, setLearningRate } from './optimizer';
import type { OptimizerState } from './checkpoints/optimizer-state';
import { readOptimizerState, writeOptimizerState } from './checkpoints/optimizer-state';
import { DivergenceWatch, divergenceMessage } from './divergence';
import { Throughput } from './throughput';
import { yieldToEventLoop } from './yield';

/** What a run reports while it trains. */
export interface RunListener {
  progress(progress: Progress): void;
  metrics(point: MetricPoint): void;
  /** Training waits for the returned promise: a checkpoint must be read before the next step. */
  epochEnd(summary: EpochSummary): Promise<void> | void;
  /** The run has stopped stepping and its progress up to the pause has been reported. */
  paused(): void;
}

export interface RunResult {
  outcome: RunOutcome;
  message: string;
  test?: { loss: number; accuracy: number };
}

/** Steps between readbacks of the training loss: each readback waits for the device. */
const WINDOW = 10;

/**
 * One training run with a custom loop: `optimizer.minimize` inside `tf.tidy`, running sums
 * kept on the device, and one asynchronous readback per window of steps, so the device is
 * never idle waiting for bookkeeping. Pause, resume and stop act between steps; the model
 * keeps its trained weights when the run ends.
 */
export class TrainingRun {
  readonly optimizer: tf.Optimizer;
  private state: 'running' | 'paused' | 'stopping' = 'running';
  private wake: (() => void) | null = null;
  /** The loss that showed the run diverged, once it has. */
  private divergedAt: number | null = null;
  /** Batches queued since the run started. */
  completedSteps = 0;
  /** Batches whose results were read back from the device: proof the backend works. */
  confirmedSteps = 0;

  /**
   * What the optimizer may change: this model's trainable weights only. Without a list tfjs
   * would update every trainable variable alive in the worker, other models' included.
   */
  private readonly variables: tf.Variable[];

  constructor(
    readonly model: tf.LayersModel,
    private readonly data: DeviceData,
    readonly settings: TrainSettings,
    private readonly listener: RunListener,
    /** A saved optimizer state to continue from (moments, step count), e.g. a checkpoint's. */
    private readonly optimizerState?: OptimizerState,
  ) {
    this.optimizer = makeOptimizer(settings);
    this.variables = model.trainableWeights.map((weight) => weight.read() as tf.Variable);
  }

  pause(): void {
    if (this.state === 'running') this.state = 'paused';
  }

  resume(): void {
    if (this.state !== 'paused') return;
    this.state = 'running';
    this.wake?.();
  }

  stop(): void {
    this.state = 'stopping';
    this.wake?.();
  }

  get paused(): boolean {
    return this.state === 'paused';
  }

  setLearningRate(value: number): void {
    setLearningRate(this.optimizer, value);
  }

  /** The learning rate the optimizer applies now. */
  get learningRate(): number {
    return (this.optimizer as unknown as { learningRate: number }).learningRate;
  }

  /** The optimizer's state now, as plain data. */
  readOptimizerState(): Promise<OptimizerState> {
    return readOptimizerState(this.optimizer, this.settings.optimizer);
  }

  /** Trains until the last epoch, a stop, or a diverging loss. */
  async run(): Promise<RunResult> {
    // Another kind of optimizer starts afresh: Adam's moments mean nothing to SGD.
    if (this.optimizerState?.optimizer === this.settings.optimizer) {
      await writeOptimizerState(this.optimizer, this.optimizerState);
    }
    const { epochs, batchSize, seed } = this.settings;
    const { train, classes } = this.data;
    const count = Math.min(train.count, this.settings.examplesPerEpoch ?? train.count);
    const batches = Math.ceil(count / batchSize);
    const rng = createRng(seed);
    // A stream of its own, so turning augmentation on does not change the shuffle.
    const augmentRng = createRng(seed + 1);
    const { augmentation } = this.settings;
    const augment: Augment | undefined = isIdentity(augmentation)
      ? undefined
      : (x01) => augmentBatch(x01, augmentation, augmentRng);
    const order = Int32Array.from({ length: train.count }, (_, i) => i);
    let windowSums: tf.Tensor1D = tf.zeros([3]);
    let pendingRead: Promise<void> = Promise.resolve();
    const speed = new Throughput();
    let epoch = 0;
    const watch = new DivergenceWatch(classes);
    /** Batches finished in the current epoch. */
    let batchesDone = 0;

    const progress = (examplesPerSec: number): Progress => ({
      epoch: epoch + 1,
      epochs,
      batch: batchesDone,
      batchesPerEpoch: batches,
      step: this.completedSteps,
      examplesPerSec,
    });

    // Hands the window's sums to an asynchronous read. Waiting for the previous read first
    // keeps at most one window of steps queued ahead of the numbers the page sees.
    const flushWindow = async () => {
      const sums = windowSums;
      windowSums = tf.zeros([3]);
      await pendingRead;
      const at = { step: this.completedSteps, epoch: epoch + 1 };
      const snapshot = progress(0);
      pendingRead = sums.data().then((values) => {
        sums.dispose();
        const [lossSum = 0, correct = 0, n = 0] = values;
        if (n === 0) return;
        const loss = lossSum / n;
        if (watch.observe(loss)) this.divergedAt ??= loss;
        this.listener.metrics({
          series: 'train',
          step: at.step,
          epoch: at.epoch,
          loss,
          accuracy: correct / n,
          learningRate: this.learningRate,
        });
        speed.add(n);
        this.confirmedSteps = at.step;
        this.listener.progress({ ...snapshot, examplesPerSec: speed.perSecond() });
      });
    };

    const shouldHalt = async (): Promise<boolean> => {
      if (this.state === 'paused') {
        await flushWindow();
        await pendingRead;
        speed.hold();
        this.listener.paused();
        while (this.state === 'paused') {
          await new Promise<void>((resolve) => (this.wake = resolve));
        }
        this.wake = null;
        speed.go();
      }
      return this.state === 'stopping' || this.divergedAt !== null;
    };

    try {
      for (epoch = 0; epoch < epochs; epoch++) {
        shuffleInPlace(order, rng);
        batchesDone = 0;
        for (let batch = 0; batch < batches; batch++) {
          if (await shouldHalt()) break;
          const start = batch * batchSize;
          const size = Math.min(batchSize, count - start);
          // Kept out of minimize's inner tidy so accuracy needs no second forward pass;
          // kept tensors escape every tidy, hence the explicit dispose below.
          const kept: { correct?: tf.Scalar } = {};
          const next = tf.tidy(() => {
            const { x: xs, y: labels } = train.take(order.subarray(start, start + size), augment);
            const loss = this.optimizer.minimize(
              () => {
                const probs = this.model.apply(xs, { training: true }) as tf.Tensor2D;
                const result = lossAndCorrect(probs, labels, classes);
                kept.correct = tf.keep(result.correct);
                const loss = result.lossSum.div<tf.Scalar>(size);
                // model.fit adds the L1/L2 penalties itself; this loop must do it too.
                const penalty = regularizationLoss(this.model);
                return penalty ? loss.add<tf.Scalar>(penalty) : loss;
              },
              true,
              this.variables,
            ) as tf.Scalar;
            const step = tf.stack([loss.mul(size), kept.correct ?? tf.scalar(0), tf.scalar(size)]);
            return windowSums.add<tf.Tensor1D>(step);
          });
          kept.correct?.dispose();
          windowSums.dispose();
          windowSums = next;
          this.completedSteps++;
          batchesDone = batch + 1;
          if (this.completedSteps % WINDOW === 0) await flushWindow();
          // Every step, so Pause, Stop and insight requests wait one step at most, not a
          // window: on a software GPU a window of steps can take seconds.
          await yieldToEventLoop();
        }
        await flushWindow();
        await pendingRead;
        if (this.state === 'stopping' || this.divergedAt !== null) break;
        speed.hold();
        await this.endEpoch(epoch + 1);
        speed.go();
      }
      if (this.divergedAt !== null) {
        return { outcome: 'diverged', message: divergenceMessage(this.divergedAt, classes) };
      }
      const test = await evaluate(this.model, this.data.test, classes);
      const stopped = this.state === 'stopping';
      return {
        outcome: stopped ? 'stopped' : 'completed',
        message: stopped
          ? `Stopped after ${this.completedSteps} steps; the model keeps its trained weights.`
          : `Finished ${epochs} epoch${epochs === 1 ? '' : 's'}.`,
        test,
      };
    } finally {
      windowSums.dispose();
    }
  }

  private async endEpoch(epoch: number): Promise<void> {
    const validation = await evaluate(this.model, this.data.validation, this.data.classes);
    if (!Number.isFinite(validation.loss)) this.divergedAt ??= validation.loss;
    this.listener.metrics({
      series: 'validation',
      step: this.completedSteps,
      epoch,
      ...validation,
    });
    await this.listener.epochEnd({ epoch, validation, numTensors: tf.memory().numTensors });
  }

  /** Frees the optimizer's state; the model stays, for prediction and export. */
  dispose(): void {
    this.optimizer.dispose();
  }
}
