import type * as tf from '@tensorflow/tfjs';
import type { Backend } from '../shared/backend';
import { BACKEND_LABELS, backendOrder } from '../shared/backend';
import type { InsightRequest } from '../shared/insights';
import type { Command, WorkerEvent } from '../shared/protocol';
import type { ModelSpec } from '../shared/model-spec';
import type { TrainSettings } from '../shared/train-settings';
import { checkSettings } from '../shared/train-settings';
import { assertNever } from '../shared/assert-never';
import { activateBackend } from './backend';
import { buildModel } from './build-model';
import type { DeviceData } from './device-data';
import { disposeDeviceData } from './device-data';
import type { LoadedDataset } from './sample-dataset';
import { loadMnistSample, uploadDataset } from './sample-dataset';
import { TrainingRun } from './training-run';
import type { InsightContext } from './insights';
import { answerInsight } from './insights';

type Post = (event: WorkerEvent) => void;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The worker's state machine: owns the backend, the dataset on the device, the model and
 * the current run, and turns commands into events. All tensors live here.
 */
export class Engine {
  private order: Backend[] = backendOrder();
  private backend: Backend | null = null;
  private dataset: LoadedDataset | null = null;
  private device: DeviceData | null = null;
  private model: tf.LayersModel | null = null;
  /** The spec `model` was built from: insights name layers and find conv layers by it. */
  private spec: ModelSpec | null = null;
  private run: TrainingRun | null = null;
  private busy = false;
  private assetBase = '';

  constructor(private readonly post: Post) {}

  async handle(command: Command): Promise<void> {
    switch (command.type) {
      case 'init':
        this.assetBase = command.assetBase;
        this.order = backendOrder(command.backend);
        await this.guard('backend', () => this.startBackend(this.order));
        await this.guard('dataset', () => this.loadDataset());
        return;
      case 'loadDataset':
        await this.guard('dataset', () => this.loadDataset());
        return;
      case 'train':
        await this.guard('training', () => this.train(command.spec, command.settings));
        return;
      case 'pause':
        if (this.run && !this.run.paused) {
          // 'paused' is posted by the run once it has halted and reported its final step.
          this.run.pause();
        }
        return;
      case 'resume':
        if (this.run?.paused) {
          this.run.resume();
          this.post({ type: 'runState', state: 'training' });
        }
        return;
      case 'stop':
        if (this.run) {
          this.run.stop();
          this.post({ type: 'runState', state: 'stopping' });
        }
        return;
      case 'setLearningRate':
        if (Number.isFinite(command.value) && command.value > 0) {
          this.run?.setLearningRate(command.value);
        }
        return;
      case 'insight':
        await this.insight(command.request);
        return;
      default:
        assertNever(command);
    }
  }

  private async guard(where: string, task: () => Promise<void>): Promise<void> {
    try {
      await task();
    } catch (error) {
      this.post({ type: 'error', where, message: messageOf(error) });
    }
  }

  /**
   * Answers an insight request on the live model, also between the steps of a running
   * training loop. Requests only read the model and the device data; they dispose only what
   * they create.
   */
  private async insight(request: InsightRequest): Promise<void> {
    const { requestId } = request;
    try {
      const result = await answerInsight(this.insightContext(), request);
      this.post({ type: 'insight', requestId, result });
    } catch (error) {
      this.post({ type: 'insightError', requestId, message: messageOf(error) });
    }
  }

  private insightContext(): InsightContext {
    if (!this.model || !this.spec) {
      throw new Error('Train the network first: there is no model to look inside yet.');
    }
    if (!this.dataset) throw new Error('The dataset is still loading.');
    this.device ??= uploadDataset(this.dataset);
    return { model: this.model, spec: this.spec, device: this.device, dataset: this.dataset };
  }

  private async startBackend(order: Backend[]): Promise<void> {
    const { active, skipped } = await activateBackend(order);
    this.backend = active;
    this.post({ type: 'backend', active, skipped });
  }

  private async loadDataset(): Promise<void> {
    this.dataset = await loadMnistSample(this.assetBase);
    this.replaceDevice(null);
    const { summary, preview } = this.dataset;
    // A copy travels, so the transfer cannot detach the worker's own preview.
    this.post({
      type: 'dataset',
      summary,
      preview: { ...preview, pixels: preview.pixels.slice() },
    });
  }

  private replaceDevice(next: DeviceData | null): void {
    if (this.device) disposeDeviceData(this.device);
    this.device = next;
  }

  private async train(spec: ModelSpec, settings: TrainSettings): Promise<void> {
    if (this.busy) throw new Error('A run is already in progress; stop it first.');
    const problems = checkSettings(settings);
    if (problems.length > 0) throw new Error(problems.map((p) => p.message).join(' '));
    if (!this.dataset || !this.backend) throw new Error('The dataset is still loading.');
    this.busy = true;
    this.post({ type: 'runState', state: 'preparing' });
    try {
      await this.trainWithFallback(spec, settings);
    } finally {
      this.busy = false;
      this.run = null;
      this.post({ type: 'runState', state: 'idle' });
    }
  }

  /** Trains; if the backend fails before the first step completes, moves down the chain. */
  private async trainWithFallback(spec: ModelSpec, settings: TrainSettings): Promise<void> {
    for (;;) {
      const run = this.prepareRun(spec, settings);
      try {
        this.post({ type: 'runState', state: 'training' });
        const result = await run.run();
        this.post({ type: 'runEnd', ...result });
        return;
      } catch (error) {
        const failedBackend = this.backend;
        const rest = this.order.slice(this.order.indexOf(failedBackend ?? 'cpu') + 1);
        // Device errors surface at the first readback, not at the step that caused them.
        if (run.confirmedSteps > 0 || !failedBackend || rest.length === 0) {
          this.post({ type: 'runEnd', outcome: 'failed', message: messageOf(error) });
          return;
        }
        this.replaceDevice(null);
        const reason = `${BACKEND_LABELS[failedBackend]} failed on the first training steps: ${messageOf(error)}`;
        const { active, skipped } = await activateBackend(rest);
        this.backend = active;
        this.post({
          type: 'backend',
          active,
          skipped: [{ backend: failedBackend, reason }, ...skipped],
        });
      } finally {
        run.dispose();
      }
    }
  }

  private prepareRun(spec: ModelSpec, settings: TrainSettings): TrainingRun {
    if (!this.dataset) throw new Error('No dataset is loaded.');
    if (!this.device) this.device = uploadDataset(this.dataset);
    this.model?.dispose();
    this.model = null;
    this.spec = null;
    this.model = buildModel(spec, {
      seed: settings.seed,
      inputShape: this.dataset.summary.inputShape,
      classes: this.dataset.summary.classNames.length,
    });
    this.spec = spec;
    const run = new TrainingRun(this.model, this.device, settings, {
      progress: (progress) => this.post({ type: 'progress', progress }),
      metrics: (point) => this.post({ type: 'metrics', points: [point] }),
      epochEnd: (summary) => this.post({ type: 'epochEnd', summary }),
      paused: () => this.post({ type: 'runState', state: 'paused' }),
    });
    this.run = run;
    return run;
  }
}
