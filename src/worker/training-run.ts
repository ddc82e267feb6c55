import * as tf from '@tensorflow/tfjs';
import type {
  EarlyStop,
  EpochSummary,
  MetricPoint,
  Progress,
  RunMark,
  RunOutcome,
  Validation,
} from '../shared/protocol';
import type { TrainSettings } from '../shared/train-settings';
import { stepsPerEpoch } from '../shared/train-settings';
import { isIdentity } from '../shared/augmentation';
import { EarlyStopper } from '../shared/early-stopping';
import type { ScheduleClock } from '../shared/lr-schedule';
import { PlateauReducer, scheduledRate } from '../shared/lr-schedule';
import type { Rng } from '../shared/random';
import { createRng, shuffleInPlace } from '../shared/random';
import { augmentBatch, skipAugmentBatch } from './augment';
import type { Augment, DeviceData } from './device-data';
import { regularizationLoss } from './build-model';
import { evaluateByClass, evaluateWithProbabilities } from './evaluate';
import { lossAndCorrect } from './loss';
import { makeOptimizer, setLearningRate } from './optimizer';
import { FlatOptimizer } from './flat-optimizer';
import { joinsWeightUpdates } from './backend-tuning';
import type { OptimizerState } from './checkpoints/optimizer-state';
import { readOptimizerState, stateFits, writeOptimizerState } from './checkpoints/optimizer-state';
import { DivergenceWatch, divergenceMessage } from './divergence';
import { Throughput } from './throughput';
import { DeviceQueue, activeFence, type QueueLimits } from './device-queue';
import { yieldToEventLoop } from './yield';

/** What a run reports while it trains. */
export interface RunListener {
  progress(progress: Progress): void;
  metrics(point: MetricPoint): void;
  /**
   * Training waits for the returned promise: a checkpoint must be read before the next step.
   * `best` is true when the epoch is the run's best so far by the early-stopping monitor.
   */
  epochEnd(summary: EpochSummary, best: boolean): Promise<void> | void;
  /** Something to mark on the curves: a learning-rate change, the best epoch, an early stop. */
  mark(mark: RunMark): void;
  /** Gives the model the weights it had at the end of `epoch`; false when they were not kept. */
  restoreEpoch(epoch: number): Promise<boolean>;
  /** The run has stopped stepping and its progress up to the pause has been reported. */
  paused(): void;
  /**
   * Resolves once no other work (an insight request answered between steps) holds tensors,
   * so that an epoch's tensor count shows what stays, not what a request holds for a moment.
   */
  settled?(): Promise<void>;
  /**
   * Called once, after the run's first step is queued: work the first epoch end will ask
   * for may be done here, ahead of time (warm-epoch-end.ts). Training waits for it.
   */
  warm?(): Promise<void>;
}

/**
 * Where a run resumed from an epoch's checkpoint picks up: the epochs already done and their
 * validation scores, which early stopping and the plateau reducer see again.
 */
export interface RunStart {
  epochsDone: number;
  validations: Validation[];
  /** What the run went on after, in words: "the page closed", "the WebGL context was lost". */
  after: string;
}

export interface RunResult {
  outcome: RunOutcome;
  message: string;
  test?: { loss: number; accuracy: number; perClass: number[] };
  earlyStop?: EarlyStop;
}

/** Steps between readbacks of the training loss: each readback waits for the device. */
const WINDOW = 10;

/**
 * At least two steps unfinished when the worker queues the next: the device works on them
 * while it does (one would already keep it busy; two is what the bench measured, see
 * docs/performance.md). More while they take under 50 ms of device time together, so a fast
 * GPU is never kept waiting for the worker to notice a fence.
 */
const STEP_QUEUE: QueueLimits = { minDepth: 2, maxDepth: 2 * WINDOW, budgetMs: 50 };

/**
 * One training run with a custom loop: `optimizer.minimize` inside `tf.tidy` (on WebGPU one
 * update for all the weights at once, FlatOptimizer), running sums kept on the device, and
 * one asynchronous readback per window of steps, so the device is never idle waiting for
 * bookkeeping. Pause, resume and stop act between steps; the model keeps its trained weights
 * when the run ends.
 */
export class TrainingRun {
  readonly optimizer: tf.Optimizer;
  private state: 'running' | 'paused' | 'stopping' = 'running';
  private wake: (() => void) | null = null;
  /** The loss that showed the run diverged, once it has. */
  private divergedAt: number | null = null;
  /** Why early stopping ended the run, once it has. */
  private stoppedEarly: string | null = null;
  /** The learning rate the schedule scales: the settings' value, or the one set live. */
  private baseRate: number;
  /** A rate set live, to mark on the curves at the step it takes effect. */
  private liveRate: number | null = null;
  private readonly plateau: PlateauReducer | null;
  private readonly stopper: EarlyStopper;
  /** The step count at each epoch's end, 1-based by epoch, for marks. */
  private readonly epochEndSteps: number[] = [];
  /** Batches queued since the run started. */
  completedSteps = 0;
  /** Batches whose results were read back from the device: proof the backend works. */
  confirmedSteps = 0;
  /** Each finished epoch's validation scores, in order: what a resumed run starts from. */
  readonly validations: Validation[] = [];
  /** The validation split's class probabilities at the latest epoch end, once one has ended. */
  validationProbabilities: Float32Array | null = null;

  /**
   * What the optimizer may change: this model's trainable weights only. Without a list tfjs
   * would update every trainable variable alive in the worker, other models' included.
   */
  private readonly variables: tf.Variable[];

  constructor(
    readonly model: tf.LayersModel,
    readonly data: DeviceData,
    readonly settings: TrainSettings,
    private readonly listener: RunListener,
    /** A saved optimizer state to continue from (moments, step count), e.g. a checkpoint's. */
    private readonly optimizerState?: OptimizerState,
    /** Resumes after this many epochs instead of starting at the first. */
    readonly start?: RunStart,
  ) {
    this.variables = model.trainableWeights.map((weight) => weight.read() as tf.Variable);
    const optimizer = makeOptimizer(settings);
    this.optimizer = joinsWeightUpdates(tf.getBackend())
      ? new FlatOptimizer(optimizer, this.variables)
      : optimizer;
    this.baseRate = settings.learningRate;
    const { schedule } = settings;
    this.plateau = schedule.kind === 'plateau' ? new PlateauReducer(schedule) : null;
    this.stopper = new EarlyStopper(settings.earlyStopping);
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

  /** Stop was asked for, also after the loop ended (between the folds of a cross-validated run). */
  get stopping(): boolean {
    return this.state === 'stopping';
  }

  /** Waits while the run is paused after its loop ended, until it is resumed or stopped. */
  async whilePaused(): Promise<void> {
    while (this.state === 'paused') {
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    this.wake = null;
  }

  /** Sets the base learning rate from the next step on; the schedule goes on scaling it. */
  setLearningRate(value: number): void {
    this.baseRate = value;
    this.liveRate = value;
  }

  /** Sets the optimizer's rate for the step about to run: schedule × plateau × base. */
  private applyRate(clock: ScheduleClock, epoch: number): void {
    const rate =
      scheduledRate(this.settings.schedule, this.baseRate, clock) * (this.plateau?.multiplier ?? 1);
    if (rate !== this.learningRate) setLearningRate(this.optimizer, rate);
    if (this.liveRate !== null) {
      const label = `learning rate set to ${this.liveRate}`;
      this.listener.mark({ kind: 'learningRate', step: this.completedSteps, epoch, label });
      this.liveRate = null;
    }
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
    // A state another optimizer made starts afresh: Adam's moments mean nothing to SGD.
    if (this.optimizerState && stateFits(this.optimizerState, this.settings)) {
      await writeOptimizerState(this.optimizer, this.optimizerState);
    }
    const { epochs, batchSize, seed } = this.settings;
    const { train, classes } = this.data;
    const count = Math.min(train.count, this.settings.examplesPerEpoch ?? train.count);
    const batches = stepsPerEpoch(this.settings, train.count);
    const totalSteps = epochs * batches;
    const rng = createRng(seed);
    // A stream of its own, so turning augmentation on does not change the shuffle.
    const augmentRng = createRng(seed + 1);
    const { augmentation } = this.settings;
    const augment: Augment | undefined = isIdentity(augmentation)
      ? undefined
      : (x01) => augmentBatch(x01, augmentation, augmentRng);
    const order = Int32Array.from({ length: train.count }, (_, i) => i);
    this.replayEpochs(order, rng, augmentRng, count, batches);
    // The window's summed loss and correct predictions, on the device; its examples, here.
    let windowSums: tf.Tensor1D = tf.zeros([2]);
    let windowExamples = 0;
    let pendingRead: Promise<void> = Promise.resolve();
    const speed = new Throughput();
    let epoch = 0;
    const watch = new DivergenceWatch(classes);
    /** Batches finished in the current epoch. */
    let batchesDone = 0;
    let warmed = false;
    const device = new DeviceQueue(activeFence(), STEP_QUEUE);

    const progress = (examplesPerSec: number): Progress => ({
      epoch: epoch + 1,
      epochs,
      batch: batchesDone,
      batchesPerEpoch: batches,
      step: this.completedSteps,
      examplesPerSec,
    });

    // Hands the window's sums to an asynchronous read. Waiting for the previous read first
    // keeps the numbers the page sees at most a window behind; the device queue, not the
    // reads, bounds the work queued on the device.
    const flushWindow = async () => {
      const sums = windowSums;
      const n = windowExamples;
      windowSums = tf.zeros([2]);
      windowExamples = 0;
      await pendingRead;
      const at = { step: this.completedSteps, epoch: epoch + 1 };
      const snapshot = progress(0);
      pendingRead = sums.data().then((values) => {
        sums.dispose();
        const [lossSum = 0, correct = 0] = values;
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
      for (epoch = this.start?.epochsDone ?? 0; epoch < epochs; epoch++) {
        shuffleInPlace(order, rng);
        batchesDone = 0;
        for (let batch = 0; batch < batches; batch++) {
          if (await shouldHalt()) break;
          const clock = { step: epoch * batches + batch, stepsPerEpoch: batches, totalSteps };
          this.applyRate(clock, epoch + 1);
          const start = batch * batchSize;
          const size = Math.min(batchSize, count - start);
          // Kept out of minimize's inner tidy so accuracy needs no second forward pass;
          // kept tensors escape every tidy, hence the explicit dispose below.
          const kept: { sums?: tf.Tensor1D } = {};
          const next = tf.tidy(() => {
            const { x: xs, y: labels } = train.take(order.subarray(start, start + size), augment);
            this.optimizer.minimize(
              () => {
                const probs = this.model.apply(xs, { training: true }) as tf.Tensor2D;
                const result = lossAndCorrect(probs, labels, classes);
                const loss = result.lossSum.div<tf.Scalar>(size);
                // model.fit adds the L1/L2 penalties itself; this loop must do it too.
                const penalty = regularizationLoss(this.model);
                // Summed over the batch, penalty included, as model.fit reports its loss.
                const lossSum = penalty ? result.lossSum.add(penalty.mul(size)) : result.lossSum;
                kept.sums = tf.keep(tf.stack([lossSum, result.correct]) as tf.Tensor1D);
                return penalty ? loss.add<tf.Scalar>(penalty) : loss;
              },
              false,
              this.variables,
            );
            return kept.sums ? windowSums.add<tf.Tensor1D>(kept.sums) : windowSums.clone();
          });
          kept.sums?.dispose();
          windowSums.dispose();
          windowSums = next;
          windowExamples += size;
          this.completedSteps++;
          batchesDone = batch + 1;
          await device.queued();
          if (!warmed) {
            warmed = true;
            await this.listener.warm?.();
          }
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
        if (this.stoppedEarly !== null) break;
      }
      // From here the weights may go back to the best epoch: the last epoch's no longer hold.
      this.validationProbabilities = null;
      if (this.divergedAt !== null) {
        return { outcome: 'diverged', message: divergenceMessage(this.divergedAt, classes) };
      }
      const earlyStop = await this.finishEarlyStopping();
      const test = await evaluateByClass(this.model, this.data.test, classes);
      const stopped = this.state === 'stopping';
      const done = `Finished ${epochs} epoch${epochs === 1 ? '' : 's'}.`;
      return {
        outcome: stopped ? 'stopped' : 'completed',
        message: stopped
          ? `Stopped after ${this.completedSteps} steps; the model keeps its trained weights.`
          : earlyStop
            ? earlyStopMessage(earlyStop)
            : done,
        test,
        ...(earlyStop && { earlyStop }),
      };
    } finally {
      windowSums.dispose();
      this.validationProbabilities = null;
    }
  }

  /**
   * For a resumed run, takes the random draws of the epochs already done (shuffles and
   * augmentation) and shows early stopping and the plateau reducer their validation scores,
   * so the run goes on as the uninterrupted one would have.
   */
  private replayEpochs(
    order: Int32Array,
    rng: Rng,
    augmentRng: Rng,
    count: number,
    batches: number,
  ): void {
    if (!this.start) return;
    const { batchSize, augmentation } = this.settings;
    const shape = this.model.inputs[0]?.shape.slice(1) as [number, number, number];
    for (let epoch = 1; epoch <= this.start.epochsDone; epoch++) {
      shuffleInPlace(order, rng);
      for (let start = 0; start < count; start += batchSize) {
        skipAugmentBatch(Math.min(batchSize, count - start), shape, augmentation, augmentRng);
      }
      const validation = this.start.validations[epoch - 1];
      this.epochEndSteps[epoch] = epoch * batches;
      if (!validation) continue;
      this.validations.push(validation);
      this.stopper.observe(epoch, validation);
      this.plateau?.observe(validation.loss);
    }
    this.completedSteps = this.start.epochsDone * batches;
    this.confirmedSteps = this.completedSteps;
  }

  /** The step count at the end of `epoch`, once that epoch has ended (or was resumed past). */
  stepAtEpochEnd(epoch: number): number | undefined {
    return this.epochEndSteps[epoch];
  }

  private async endEpoch(epoch: number): Promise<void> {
    const { scores: validation, probabilities } = await evaluateWithProbabilities(
      this.model,
      this.data.validation,
      this.data.classes,
    );
    this.validationProbabilities = probabilities;
    this.validations.push(validation);
    if (!Number.isFinite(validation.loss)) this.divergedAt ??= validation.loss;
    const step = this.completedSteps;
    this.epochEndSteps[epoch] = step;
    this.listener.metrics({ series: 'validation', step, epoch, ...validation });
    const decision = this.stopper.observe(epoch, validation);
    await this.listener.settled?.();
    const summary = { epoch, validation, numTensors: tf.memory().numTensors };
    await this.listener.epochEnd(summary, decision.improved);
    if (this.plateau) {
      const before = this.plateau.multiplier;
      const after = this.plateau.observe(validation.loss);
      if (after !== before) {
        const label = `validation loss on a plateau: learning rate ×${after / before}`;
        this.listener.mark({ kind: 'learningRate', step, epoch, label });
      }
    }
    if (decision.stop && epoch < this.settings.epochs) {
      this.stoppedEarly = decision.reason ?? 'Early stopping ended the run.';
      this.listener.mark({
        kind: 'stopped',
        step,
        epoch,
        label: `stopped early after epoch ${epoch}`,
      });
    }
  }

  /**
   * With early stopping on, marks the best epoch and, when asked to, gives the model that
   * epoch's weights back (also at the epoch limit, as the best may not be the last).
   */
  private async finishEarlyStopping(): Promise<EarlyStop | undefined> {
    const { enabled, restoreBest } = this.settings.earlyStopping;
    const last = this.epochEndSteps.length - 1;
    const { bestEpoch } = this.stopper.best;
    if (!enabled || this.state === 'stopping' || bestEpoch < 1 || last < 1) return undefined;
    const step = this.epochEndSteps[bestEpoch] ?? 0;
    this.listener.mark({ kind: 'best', step, epoch: bestEpoch, label: `best epoch ${bestEpoch}` });
    const restored =
      restoreBest && bestEpoch !== last && (await this.listener.restoreEpoch(bestEpoch));
    return {
      stoppedAfter: this.stoppedEarly === null ? null : last,
      bestEpoch,
      reason: this.stoppedEarly,
      restored,
    };
  }

  /** Frees the optimizer's state; the model stays, for prediction and export. */
  dispose(): void {
    this.optimizer.dispose();
  }
}

/** The run report's words for a run early stopping shaped. */
function earlyStopMessage({ stoppedAfter, bestEpoch, reason, restored }: EarlyStop): string {
  const ended =
    stoppedAfter === null
      ? 'Reached the last epoch.'
      : `Stopped early after epoch ${stoppedAfter}: ${reason}`;
  const weights = restored
    ? `The model now has the weights of its best epoch, ${bestEpoch}.`
    : `The best epoch was ${bestEpoch}.`;
  return `${ended} ${weights}`;
}
