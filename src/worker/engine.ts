import type * as tf from '@tensorflow/tfjs';
import type { Backend, SkippedBackend } from '../shared/backend';
import { BACKEND_LABELS, backendOrder } from '../shared/backend';
import type { InsightRequest } from '../shared/insights';
import type {
  CheckpointInfo,
  Command,
  EpochSummary,
  RestoredCheckpoint,
  ResumeAt,
  RunEndEvent,
  WorkerEvent,
} from '../shared/protocol';
import type { ModelSpec } from '../shared/model-spec';
import type { TrainSettings } from '../shared/train-settings';
import { checkSettings, effectiveBatchSize } from '../shared/train-settings';
import { assertNever } from '../shared/assert-never';
import { activateBackend } from './backend';
import { tuneBackend, warmsEpochEnd } from './backend-tuning';
import { buildModel } from './build-model';
import { sameNetwork } from '../model/same-network';
import type { Analysis } from '../model/analyse';
import { analyse } from '../model/analyse';
import { browserTrainingMemoryBudget, memoryProblem } from '../model/memory';
import type { AspectPolicy, DataRequest, DatasetSource, SourceFile } from '../shared/dataset';
import { DEFAULT_DATA_CONFIG } from '../shared/dataset';
import type { DeviceData } from './device-data';
import { storageFor, uploadDataset } from './device-data';
import type { LoadedDataset } from './data/dataset-store';
import { DatasetStore, checkRaw } from './data/dataset-store';
import { answerDataRequest } from './data/data-requests';
import { LoadError, loadSource } from './data/load-source';
import type { RunStart } from './training-run';
import { TrainingRun } from './training-run';
import { DeviceLostError, DeviceWatch } from './device-loss';
import type { Resumption } from './resume-after-loss';
import { resumeAfterLoss } from './resume-after-loss';
import { cutRunStart, resumedMessage } from './resume-plan';
import type { HeldNetwork } from './idle-loss';
import { moveAfterIdleLoss } from './idle-loss';
import { InFlight } from './in-flight';
import { evaluate } from './evaluate';
import type { InsightContext } from './insights';
import { answerInsight } from './insights';
import { warmEpochEnd } from './warm-epoch-end';
import { exportModel } from './export/export-model';
import { importWeights } from './export/import-weights';
import { BaseLoader } from './pretrained/base-loader';
import type { Checkpoint } from './checkpoints/checkpoint';
import { captureCheckpoint, checkpointFits } from './checkpoints/checkpoint';
import { CheckpointKeeper } from './checkpoints/keeper';
import type { OptimizerState } from './checkpoints/optimizer-state';
import type { CheckpointStore } from './checkpoints/store';
import { defaultStore } from './checkpoints/store';
import type { KeptRun } from './ensemble/kept-runs';
import { KeptRuns, RunsNotKeptError } from './ensemble/kept-runs';
import type { EnsembleContext } from './ensemble/ensemble-jobs';
import { evaluateEnsemble, exportEnsemble } from './ensemble/ensemble-jobs';
import { WeightMirror } from './weight-mirror';
import type { FoldIndices } from '../data/k-fold';
import { crossValidationFolds, meanAndSpread } from '../data/k-fold';
import { crossValidationMessage, foldAccuracy, relayFoldEvent } from './cross-validation';

type Post = (event: WorkerEvent) => void;

/** A cut run the page asked to resume: where it picks up, and the checkpoint it goes on from. */
interface CutRun {
  start: RunStart;
  checkpoint: Checkpoint;
}

const TRAINING_MESSAGE = 'Training is running: stop it before changing the data.';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What the page is told about a checkpoint: its epoch and scores, not its weights. */
function infoOf({ epoch, validation }: Checkpoint): CheckpointInfo {
  return { epoch, validation };
}

/** How a source fits images of another shape to the dataset's size. */
function aspectOf(source: DatasetSource): AspectPolicy {
  if (source.kind === 'files' || source.kind === 'url') return source.image.aspect;
  // A project file's images were fitted when they were first loaded; it says how.
  if (source.kind === 'project') return source.aspect;
  // Webcam frames are centre-cropped; the built-in sets are made at their size.
  return source.kind === 'webcam' ? 'crop' : 'stretch';
}

/**
 * The worker's state machine: owns the backend, the dataset on the device, the model and
 * the current run, and turns commands into events. All tensors live here.
 */
export class Engine {
  private order: Backend[] = backendOrder();
  private backend: Backend | null = null;
  /** Watches the active backend's device from its start: a loss is noticed whenever it comes. */
  private watch: DeviceWatch | null = null;
  /** The move to the next backend after a device was lost while no run trained, while it lasts. */
  private switching: Promise<void> | null = null;
  private store: DatasetStore | null = null;
  /** What insights read: a snapshot of the store, replaced whenever the data changes. */
  private dataset: LoadedDataset | null = null;
  private loading: AbortController | null = null;
  /** Files sent ahead for the next 'files' load. */
  private staged: SourceFile[] = [];
  private device: DeviceData | null = null;
  private model: tf.LayersModel | null = null;
  /** The spec `model` was built from: insights name layers and find conv layers by it. */
  private spec: ModelSpec | null = null;
  /** The settings `model` was trained with, for the record that travels with an export. */
  private settings: TrainSettings | null = null;
  private run: TrainingRun | null = null;
  /** The model the latest run trained here: its steps' shaders are compiled on this backend. */
  private stepped: tf.LayersModel | null = null;
  private busy = false;
  private assetBase = '';
  /** The files of pretrained bases, read once and instantiated afresh for every build. */
  private readonly bases = new BaseLoader();
  /** The optimizer's state to go on from when the next run continues from `model`'s weights. */
  private optimizerState: OptimizerState | null = null;
  /** The checkpoint restored as `model`, until the model trains or changes: what a cut run resumes from. */
  private restored: Checkpoint | null = null;
  /** `model`'s weights copied to the host after they last changed: a lost GPU cannot take them. */
  private readonly mirror = new WeightMirror();
  private readonly checkpoints: CheckpointKeeper;
  /** Finished runs' trained models by run id, for ensembles; they belong to the loaded data. */
  private readonly keptRuns = new KeptRuns();
  /**
   * Reads of the device under way (insight requests, exports, the host copy of the weights):
   * given up with the reason when the device is lost, as they would wait for it for ever.
   */
  private readonly deviceReads = new InFlight();
  /** While a cross-validated run trains a fold, what `upload` puts on the device instead of the split. */
  private foldIndices: FoldIndices | null = null;
  /** Passes a fold's events on as the page sees them; may hold one back (null). */
  private relay: ((event: WorkerEvent) => WorkerEvent | null) | null = null;
  private readonly post: Post;

  constructor(post: Post, store: CheckpointStore = defaultStore()) {
    this.post = (event) => {
      const relayed = this.relay ? this.relay(event) : event;
      if (relayed) post(relayed);
    };
    this.checkpoints = new CheckpointKeeper(store, (message) =>
      this.post({ type: 'error', where: 'checkpoint', message }),
    );
  }

  async handle(command: Command): Promise<void> {
    // Commands arriving while the engine moves off a lost device are handled on the new one.
    if (this.switching) await this.switching;
    switch (command.type) {
      case 'init':
        this.assetBase = command.assetBase;
        this.order = backendOrder(command.backend);
        await this.guard('backend', () => this.startBackend(this.order));
        if (!(await this.loadDataset({ kind: 'sample', id: 'mnist' }))) {
          this.post({ type: 'error', where: 'dataset', message: 'The MNIST sample did not load.' });
        }
        return;
      case 'loadDataset':
        await this.loadDataset(this.withStaged(command.source));
        return;
      case 'stageFiles':
        this.staged.push(...command.files);
        return;
      case 'cancelLoad':
        if (!this.loading && this.staged.length > 0) {
          const message = 'Loading was cancelled; the dataset you had is still loaded.';
          this.post({ type: 'loadEnd', outcome: 'cancelled', message });
        }
        this.staged = [];
        this.loading?.abort(new DOMException('Loading was cancelled.', 'AbortError'));
        return;
      case 'configureData':
        await this.guard('dataset', () =>
          this.changeData((store) => store.configure(command.config), true),
        );
        return;
      case 'editClasses':
        await this.guard('dataset', () =>
          this.changeData((store) => store.editClasses(command.edit)),
        );
        return;
      case 'addExamples':
        await this.guard('dataset', () =>
          this.changeData((store) =>
            store.addExamples(command.classIndex, command.pixels, command.count),
          ),
        );
        return;
      case 'dataRequest':
        await this.dataRequest(command.request);
        return;
      case 'train':
        await this.guard('training', () => this.train(command));
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
      case 'forgetModel':
        if (!this.busy) this.forgetModel();
        return;
      case 'export':
        await this.export(command.requestId);
        return;
      case 'importModel':
        await this.importModel(command);
        return;
      case 'loadBase':
        await this.loadBase(command);
        return;
      case 'restoreCheckpoint':
        await this.restoreCheckpoint(command);
        return;
      case 'exportDataset':
        this.exportDataset(command.requestId);
        return;
      case 'evaluateEnsemble':
      case 'exportEnsemble':
        await this.ensemble(command);
        return;
      default:
        assertNever(command);
    }
  }

  private async guard(where: string, task: () => Promise<void> | void): Promise<void> {
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
      const ctx = this.insightContext();
      const result = await this.deviceReads.track(() => answerInsight(ctx, request));
      this.post({ type: 'insight', requestId, result });
    } catch (error) {
      this.post({ type: 'insightError', requestId, message: messageOf(error) });
    }
  }

  /** Serialises the trained model, with what it takes to predict exactly as the studio does. */
  private async export(requestId: number): Promise<void> {
    try {
      const ctx = this.insightContext();
      if (!this.settings)
        throw new Error('Train the network first: there is no model to export yet.');
      const trainedWith = { spec: ctx.spec, settings: this.settings };
      const model = await this.deviceReads.track(() => exportModel({ ...ctx, trainedWith }));
      this.post({ type: 'exported', requestId, model });
    } catch (error) {
      this.post({ type: 'exportError', requestId, message: messageOf(error) });
    }
  }

  /** Builds `spec` for the loaded data and gives it the imported weights; the old model stays on failure. */
  private async importModel(command: Extract<Command, { type: 'importModel' }>): Promise<void> {
    const { requestId, spec, settings } = command;
    let model: tf.LayersModel | null = null;
    try {
      if (this.busy) throw new Error('Training is running: stop it before importing a model.');
      if (!this.dataset) throw new Error('The dataset is still loading.');
      const { inputShape, classNames } = this.dataset.summary;
      const analysis = analyse(spec, { shape: inputShape, classes: classNames.length });
      this.checkMemory(spec, analysis, settings);
      model = await this.buildForData(spec, settings.seed);
      const { modelJson, weights } = command;
      if (modelJson && weights) await importWeights(model, modelJson, weights);
      else if (!spec.nodes.some((node) => node.kind === 'pretrainedBase')) {
        throw new Error('The model came without its weights.');
      }
      this.forgetModel();
      this.model = model;
      this.spec = spec;
      this.settings = settings;
      this.post({ type: 'imported', requestId });
      if (modelJson && weights) this.mirror.hold(model, { modelJson, weights });
      else await this.mirror.take(model, this.deviceReads);
    } catch (error) {
      if (model !== this.model) model?.dispose();
      this.post({ type: 'importError', requestId, message: messageOf(error) });
    }
  }

  /** Sends the loaded examples in the sample format, for a project file that carries them. */
  private exportDataset(requestId: number): void {
    try {
      if (!this.store) throw new Error('No dataset is loaded yet.');
      // encode() gives a buffer of its own: transferring it takes nothing from the store.
      const bytes = this.store.encode().buffer as ArrayBuffer;
      this.post({ type: 'datasetExported', requestId, bytes });
    } catch (error) {
      this.post({ type: 'datasetExportError', requestId, message: messageOf(error) });
    }
  }

  /** Reads a pretrained base and reports its layers; nothing else changes, whatever happens. */
  private async loadBase(command: Extract<Command, { type: 'loadBase' }>): Promise<void> {
    const { requestId, source, files } = command;
    try {
      if (files) {
        if (source.kind !== 'files')
          throw new Error('Files were given for a base read from a URL.');
        this.bases.give(source, files.modelJson, files.weights);
      }
      const facts = await this.bases.load(source);
      this.post({ type: 'baseLoaded', requestId, facts });
    } catch (error) {
      this.post({ type: 'baseError', requestId, message: messageOf(error) });
    }
  }

  /** Puts a checkpoint's weights and optimizer state back; the model stays as it was on failure. */
  private async restoreCheckpoint(
    command: Extract<Command, { type: 'restoreCheckpoint' }>,
  ): Promise<void> {
    const { requestId } = command;
    try {
      if (this.busy) throw new Error('Training is running: stop it before restoring weights.');
      const restored =
        command.slot === 'best' ? await this.restoreBest() : await this.restoreLatest(command.spec);
      this.post({ type: 'checkpointRestored', requestId, restored });
    } catch (error) {
      this.post({ type: 'checkpointError', requestId, message: messageOf(error) });
    }
  }

  /** The last epoch's checkpoint as the current model, when it fits `spec` and the data; else null. */
  private async restoreLatest(spec: ModelSpec): Promise<CheckpointInfo | null> {
    const checkpoint = await this.checkpoints.read('latest');
    if (!checkpoint || !checkpointFits(checkpoint, this.dataset?.summary, spec)) return null;
    const model = await this.buildForData(spec, checkpoint.settings.seed);
    try {
      await importWeights(model, checkpoint.model.modelJson, checkpoint.model.weights);
    } catch (error) {
      model.dispose();
      throw error;
    }
    this.forgetModel();
    this.model = model;
    this.spec = spec;
    this.settings = checkpoint.settings;
    this.optimizerState = checkpoint.optimizer;
    this.restored = checkpoint;
    this.mirror.hold(model, checkpoint.model);
    return infoOf(checkpoint);
  }

  /** Gives the current model the last run's best weights and scores them on the test split. */
  private async restoreBest(): Promise<RestoredCheckpoint> {
    const best = this.checkpoints.bestOfRun;
    const { model, spec, dataset } = this;
    if (!best || !model || !spec || !dataset || !checkpointFits(best, dataset.summary, spec)) {
      throw new Error('The best epoch can no longer be restored: the data or the network changed.');
    }
    const device = (this.device ??= this.upload());
    // Reads given up for a lost device reject: the move off it rebuilds the model from its
    // host copy, so the settings that go with the best weights are taken only once scored.
    const test = await this.deviceReads.track(async () => {
      await importWeights(model, best.model.modelJson, best.model.weights);
      return evaluate(model, device.test, dataset.summary.classNames.length);
    });
    this.settings = best.settings;
    this.optimizerState = best.optimizer;
    this.restored = null;
    this.mirror.hold(model, best.model);
    return { ...infoOf(best), test };
  }

  /** Keeps the epoch's checkpoint; a checkpoint that cannot be made never stops the run. */
  private async keepCheckpoint(
    run: TrainingRun,
    spec: ModelSpec,
    summary: EpochSummary,
    best: boolean,
  ) {
    const { dataset } = this;
    if (!dataset) return;
    try {
      const checkpoint = await captureCheckpoint(run.model, run.optimizer, {
        epoch: summary.epoch,
        validation: summary.validation,
        spec,
        settings: run.settings,
        data: { fingerprint: dataset.summary.fingerprint, config: dataset.summary.config },
      });
      this.checkpoints.keep(checkpoint, best);
    } catch (error) {
      this.checkpoints.reportFailure(error);
    }
  }

  private insightContext(): InsightContext {
    if (!this.model || !this.spec) {
      throw new Error('Train the network first: there is no model to look inside yet.');
    }
    if (!this.dataset) throw new Error('The dataset is still loading.');
    this.device ??= this.upload();
    const { run, model, device, foldIndices } = this;
    const training = run && run.model === model && run.data === device;
    const validationAtEpochEnd = (training && run.validationProbabilities) || undefined;
    // While a fold trains, the device holds the fold's split: the insights read the same one.
    const dataset = foldIndices
      ? { ...this.dataset, split: { ...this.dataset.split, ...foldIndices } }
      : this.dataset;
    const stepBatchSize =
      this.settings && this.stepped === model
        ? effectiveBatchSize(this.settings, this.dataset.summary.splits.train.total)
        : undefined;
    return { model, spec: this.spec, device, dataset, validationAtEpochEnd, stepBatchSize };
  }

  private async startBackend(order: Backend[]): Promise<void> {
    const { active, skipped } = await activateBackend(order);
    this.useBackend(active, skipped);
  }

  /**
   * Makes `active` the engine's backend with the studio's flags for it, tells the page, and
   * watches its device from now on.
   */
  private useBackend(active: Backend, skipped: SkippedBackend[]): void {
    this.watch?.release();
    tuneBackend(active);
    this.backend = active;
    this.watch = new DeviceWatch(active, (lost) => this.deviceLost(lost));
    this.post({ type: 'backend', active, skipped });
  }

  /**
   * The device was lost while no run raced it: the reads under way are given up, and the
   * engine moves to the next backend now, or once the run's last steps (its end, its weights
   * copied) have given up too.
   */
  private deviceLost(lost: DeviceLostError): void {
    this.deviceReads.abandon(
      new Error(`This could not be answered: ${lost.message}. Ask again in a moment.`),
    );
    if (!this.busy) void this.moveAfterLoss();
  }

  /** Moves off a lost device after any move under way; commands wait for it (see `handle`). */
  private moveAfterLoss(): Promise<void> {
    const move = (this.switching ?? Promise.resolve()).then(() => this.moveOffLostDevice());
    this.switching = move;
    void move.then(() => {
      if (this.switching === move) this.switching = null;
    });
    return move;
  }

  /**
   * Lets everything on the lost device go and rebuilds the network on the next backend, with
   * its weights from the host copy or the latest checkpoint, or fresh ones; the dataset goes
   * back on the device from the host copy when next used.
   */
  private async moveOffLostDevice(): Promise<void> {
    const { watch, spec, settings, dataset } = this;
    if (!watch?.lost || watch.abandoned) return;
    watch.abandon();
    const lost = watch.error();
    const latest = this.checkpoints.latestOfRun;
    const network: HeldNetwork | null =
      this.model && spec && settings && dataset
        ? {
            mirror: this.mirror.of(this.model),
            optimizerState: this.optimizerState,
            checkpoint: latest && checkpointFits(latest, dataset.summary, spec) ? latest : null,
            build: () => this.buildForData(spec, settings.seed),
          }
        : null;
    try {
      this.replaceDevice(null);
      this.forgetModel();
      const moved = await moveAfterIdleLoss(lost, this.order, network);
      if (moved.model) {
        this.model = moved.model;
        this.spec = spec;
        this.settings = settings;
        this.optimizerState = moved.optimizerState;
      }
      this.useBackend(moved.backend, moved.skipped);
      this.post({ type: 'notice', ...moved.notice });
      if (moved.model) await this.mirror.take(this.model, this.deviceReads);
    } catch (error) {
      this.post({
        type: 'error',
        where: 'backend',
        message: `${lost.message}: ${messageOf(error)}`,
      });
    }
  }

  /** `spec` built for the loaded data, with fresh weights from `seed`. */
  private async buildForData(spec: ModelSpec, seed: number): Promise<tf.LayersModel> {
    if (!this.dataset) throw new Error('The dataset is still loading.');
    const { inputShape, classNames } = this.dataset.summary;
    const bases = await this.bases.instantiate(spec);
    return buildModel(spec, { seed, inputShape, classes: classNames.length, bases });
  }

  /**
   * Loads a dataset in place of the current one, which stays until the new one is ready (and
   * stays for good when the load fails or is cancelled). True when it loaded.
   */
  private async loadDataset(source: DatasetSource): Promise<boolean> {
    if (this.busy) {
      this.post({ type: 'loadEnd', outcome: 'failed', message: TRAINING_MESSAGE });
      return false;
    }
    this.loading?.abort(new DOMException('Another load started.', 'AbortError'));
    const loading = new AbortController();
    this.loading = loading;
    try {
      const raw = await loadSource(source, {
        signal: loading.signal,
        progress: (progress) => {
          if (this.loading === loading) this.post({ type: 'loadProgress', progress });
        },
        assetBase: this.assetBase,
      });
      loading.signal.throwIfAborted();
      checkRaw(raw);
      this.post({
        type: 'loadProgress',
        progress: { stage: 'checking', done: 0, total: null, unit: 'images' },
      });
      const store = new DatasetStore(raw, source.kind, DEFAULT_DATA_CONFIG, aspectOf(source));
      loading.signal.throwIfAborted();
      this.forgetModel();
      this.store = store;
      this.publish();
      const { loaded, skipped } = raw.report;
      const also = skipped.length > 0 ? `; ${skipped.length} skipped (see the list)` : '';
      this.post({ type: 'loadEnd', outcome: 'loaded', message: `Loaded ${loaded} images${also}.` });
      return true;
    } catch (error) {
      // A load replaced by a newer one ends silently: the page is following the newer one.
      if (this.loading !== loading) return false;
      if (loading.signal.aborted) {
        const message = 'Loading was cancelled; the dataset you had is still loaded.';
        this.post({ type: 'loadEnd', outcome: 'cancelled', message });
      } else {
        const skipped = error instanceof LoadError ? error.skipped : undefined;
        const message = this.store
          ? `${messageOf(error)} The dataset you had is still loaded.`
          : messageOf(error);
        this.post({ type: 'loadEnd', outcome: 'failed', message, skipped });
      }
      return false;
    } finally {
      if (this.loading === loading) this.loading = null;
    }
  }

  /** The source with the files staged for it in front; staged files go to one load only. */
  private withStaged(source: DatasetSource): DatasetSource {
    const staged = this.staged;
    this.staged = [];
    return source.kind === 'files' && staged.length > 0
      ? { ...source, files: [...staged, ...source.files] }
      : source;
  }

  /** Applies a change to the loaded data, then re-uploads and republishes it. */
  private changeData(change: (store: DatasetStore) => void, forget = false): void {
    if (this.busy) throw new Error(TRAINING_MESSAGE);
    if (!this.store) throw new Error('No dataset is loaded yet.');
    const classesBefore = this.store.classCount;
    change(this.store);
    if (forget || this.store.classCount !== classesBefore) this.forgetModel();
    this.publish();
  }

  /** Tells the page about the data as it is now; the device copy is rebuilt on next use. */
  private publish(): void {
    const store = this.store;
    if (!store) return;
    this.replaceDevice(null);
    this.keptRuns.clear();
    const storage = storageFor(store.shape, store.host().labels.length);
    this.dataset = store.loaded(storage);
    this.post({ type: 'dataset', summary: store.summary(storage), preview: store.preview() });
  }

  /** The trained model belongs to the data it was trained on. */
  private forgetModel(): void {
    this.model?.dispose();
    this.model = null;
    this.spec = null;
    this.settings = null;
    this.optimizerState = null;
    this.restored = null;
  }

  private async dataRequest(request: DataRequest): Promise<void> {
    const { requestId } = request;
    try {
      if (!this.store) throw new Error('No dataset is loaded yet.');
      const result = await answerDataRequest(this.store, request);
      this.post({ type: 'dataResult', requestId, result });
    } catch (error) {
      this.post({ type: 'dataError', requestId, message: messageOf(error) });
    }
  }

  private upload(): DeviceData {
    const store = this.store;
    if (!store) throw new Error('No dataset is loaded yet.');
    const split = this.foldIndices ? { ...store.split, ...this.foldIndices } : store.split;
    const classes = store.classCount;
    return uploadDataset(store.host(), split, classes, store.scaling());
  }

  private replaceDevice(next: DeviceData | null): void {
    this.device?.dispose();
    this.device = next;
  }

  private async train(command: Extract<Command, { type: 'train' }>): Promise<void> {
    const { spec, settings, runId, resume } = command;
    const keepWeights = command.keepWeights === true;
    if (this.busy) throw new Error('A run is already in progress; stop it first.');
    let cut: CutRun | undefined;
    try {
      this.checkCanTrain(spec, settings, keepWeights);
      cut = resume && this.cutRun(resume, settings);
    } catch (error) {
      // The page shows a run as preparing from the moment it asked; no run will start.
      this.post({ type: 'runState', state: 'idle' });
      throw error;
    }
    this.busy = true;
    this.post({ type: 'runState', state: 'preparing' });
    try {
      if (settings.crossValidation === null) {
        await this.trainWithFallback(spec, settings, keepWeights, runId, cut);
      } else await this.crossValidate(spec, settings, settings.crossValidation, runId);
    } finally {
      this.busy = false;
      this.run = null;
      this.post({ type: 'runState', state: 'idle' });
    }
    // A device lost after the run's end was posted, while its weights were being copied.
    if (this.watch?.lost) await this.moveAfterLoss();
  }

  /**
   * The folds of a cross-validated run: the current split's train and validation examples
   * pooled and dealt into `k` stratified folds with the run's seed. Throws, in words the user
   * can act on, when a class is too small for `k` folds or the run would continue old weights.
   */
  private crossValidationFolds(k: number, seed: number, keepWeights: boolean): FoldIndices[] {
    if (keepWeights) {
      throw new Error(
        'Cross-validation trains a fresh model for every fold, so it cannot continue from the current weights: untick “Continue from the current weights” or “Cross-validate”.',
      );
    }
    const { store, dataset } = this;
    if (!store || !dataset) throw new Error('The dataset is still loading.');
    const { train, validation } = store.split;
    const pool = Uint32Array.from([...train, ...validation]);
    return crossValidationFolds(pool, store.host().labels, dataset.summary.classNames, k, seed);
  }

  /**
   * Trains a fresh model of `spec` on each of `k` folds in turn, validated on the fold left
   * out, through the ordinary train path; then reports each fold's validation accuracy with
   * their mean and spread. Each fold's data (and model, but the last) is freed before the next
   * starts, and the last fold's model stays as the studio's. Stop ends the whole run.
   */
  private async crossValidate(
    spec: ModelSpec,
    settings: TrainSettings,
    k: number,
    runId?: string,
  ): Promise<void> {
    const folds = this.crossValidationFolds(k, settings.seed, false);
    const accuracies: number[] = [];
    let stepOffset = 0;
    let end: RunEndEvent | undefined;
    try {
      for (const [i, fold] of folds.entries()) {
        const label = `fold ${i + 1} of ${k}: validating on ${fold.validation.length} examples`;
        this.post({ type: 'mark', mark: { kind: 'fold', step: stepOffset, epoch: 0, label } });
        this.foldIndices = fold;
        this.replaceDevice(this.upload());
        const caught: { end?: RunEndEvent } = {};
        const position = { index: i + 1, count: k, stepOffset };
        // The fold's own end is held back: the run ends once, after the last fold.
        this.relay = (event) =>
          event.type === 'runEnd' ? ((caught.end = event), null) : relayFoldEvent(event, position);
        await this.trainWithFallback(spec, settings, false);
        this.relay = null;
        const { run } = this;
        end = caught.end;
        if (!end || !run) return;
        if (end.outcome !== 'completed') {
          const message =
            end.outcome === 'stopped'
              ? `Stopped in fold ${i + 1} of ${k}, so there is no cross-validation score. The model kept is fold ${i + 1}'s, with its trained weights.`
              : `Fold ${i + 1} of ${k}: ${end.message}`;
          end = { ...end, message };
          break;
        }
        accuracies.push(foldAccuracy(run.validations, end.earlyStop));
        stepOffset += run.completedSteps;
        if (i === k - 1) break;
        // Pause or Stop pressed after the fold's last step reached a run that had ended.
        if (run.paused) {
          this.post({ type: 'runState', state: 'paused' });
          await run.whilePaused();
        }
        if (run.stopping) {
          end = {
            ...end,
            outcome: 'stopped',
            message: `Stopped after fold ${i + 1} of ${k}, so there is no cross-validation score. The model kept is fold ${i + 1}'s.`,
          };
          break;
        }
      }
    } finally {
      this.relay = null;
      this.foldIndices = null;
      // The folds' data goes; the split's is uploaded again when next needed.
      this.replaceDevice(null);
    }
    if (!end) return;
    if (accuracies.length === k) {
      const crossValidation = { folds: accuracies, ...meanAndSpread(accuracies) };
      end = { ...end, message: crossValidationMessage(crossValidation), crossValidation };
    }
    this.post(end);
    if (runId && (end.outcome === 'completed' || end.outcome === 'stopped')) {
      this.keepRun(runId, { spec, settings });
    }
  }

  /** Throws, in words the user can act on, when a run of `spec` cannot start now. */
  private checkCanTrain(spec: ModelSpec, settings: TrainSettings, keepWeights: boolean): void {
    if (this.loading) {
      throw new Error('A dataset is still loading: wait for it, or cancel it, before training.');
    }
    const problems = checkSettings(settings);
    if (problems.length > 0) throw new Error(problems.map((p) => p.message).join(' '));
    if (!this.dataset || !this.backend) throw new Error('The dataset is still loading.');
    const { inputShape, classNames } = this.dataset.summary;
    // A network with problems is refused by its build, in the problem's own words.
    const analysis = analyse(spec, { shape: inputShape, classes: classNames.length });
    this.checkMemory(spec, analysis, settings);
    if (analysis.problems.length === 0 && analysis.totalTrainableParams === 0) {
      throw new Error(
        'Every layer is frozen, so training would change nothing: raise “Trainable last layers” of the Pretrained base in the Inspector.',
      );
    }
    if (keepWeights && !(this.spec && sameNetwork(this.spec, spec))) {
      throw new Error(
        this.spec
          ? 'The network changed since its weights were made, so there is nothing to continue from: untick “Continue from the current weights” to train afresh.'
          : 'There are no weights to continue from (the data changed, or nothing was trained yet): untick “Continue from the current weights” to train afresh.',
      );
    }
    if (settings.crossValidation !== null) {
      this.crossValidationFolds(settings.crossValidation, settings.seed, keepWeights);
    }
  }

  /** Where the cut run `resume` goes on, from the checkpoint restored as the current model. */
  private cutRun(resume: ResumeAt, settings: TrainSettings): CutRun {
    const checkpoint = this.restored;
    if (!checkpoint) {
      throw new Error('No checkpoint is restored, so there is nothing to go on from: train again.');
    }
    const trainCount = this.dataset?.summary.splits.train.total ?? 0;
    return { start: cutRunStart(resume, settings, checkpoint.epoch, trainCount), checkpoint };
  }

  /**
   * Throws when training `spec` would need more memory than the tab can give it: judged from
   * the spec alone, so a network far too large is refused before its build takes the memory.
   */
  private checkMemory(spec: ModelSpec, analysis: Analysis, settings: TrainSettings): void {
    const trainCount = this.dataset?.summary.splits.train.total ?? settings.batchSize;
    const batchSize = effectiveBatchSize(settings, trainCount);
    const problem = memoryProblem(
      spec,
      analysis,
      { ...settings, batchSize },
      browserTrainingMemoryBudget(),
    );
    if (problem) throw new Error(problem.message);
  }

  /**
   * Trains (a `cut` run from its checkpoint); if the backend fails before the first step
   * completes, moves down the chain. If the device is lost mid-run, goes on with the next
   * backend from the latest checkpoint.
   */
  private async trainWithFallback(
    spec: ModelSpec,
    settings: TrainSettings,
    keepWeights: boolean,
    runId?: string,
    cut?: CutRun,
  ): Promise<void> {
    let resumption: Resumption | null = null;
    for (;;) {
      // Bases load asynchronously before the (synchronous) build; none are needed to continue.
      const bases =
        resumption || (keepWeights && this.model) ? undefined : await this.bases.instantiate(spec);
      const run = this.prepareRun(spec, settings, keepWeights, bases, resumption, cut);
      const watch = this.watch ?? new DeviceWatch('cpu');
      try {
        this.post({ type: 'runState', state: 'training' });
        const result = await watch.race(run.run());
        const best = this.checkpoints.bestOfRun;
        // Early stopping may have given the model its best epoch's weights: go on from there.
        const restored = result.earlyStop?.restored === true && best !== null;
        this.optimizerState = restored
          ? best.optimizer
          : await watch.race(run.readOptimizerState());
        const offerBest = !restored && best !== null && best.epoch !== this.checkpoints.latestEpoch;
        const message = run.start ? resumedMessage(run.start, result.message) : result.message;
        this.post({
          type: 'runEnd',
          ...result,
          message,
          ...(offerBest ? { best: infoOf(best) } : {}),
        });
        await this.mirror.take(this.model, this.deviceReads);
        if (runId && (result.outcome === 'completed' || result.outcome === 'stopped')) {
          this.keepRun(runId, { spec, settings });
        }
        return;
      } catch (error) {
        if (error instanceof DeviceLostError) {
          watch.abandon();
          try {
            resumption = await this.resumeAfterLoss(run, error, spec, settings);
          } catch (failure) {
            const message = `The run could not go on after ${error.message}: ${messageOf(failure)}`;
            this.post({ type: 'runEnd', outcome: 'failed', message });
            return;
          } finally {
            // Should the lost device ever answer, the old run stops at its next step, unheard.
            run.stop();
          }
          continue;
        }
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
        this.useBackend(active, [{ backend: failedBackend, reason }, ...skipped]);
      } finally {
        run.dispose();
      }
    }
  }

  /**
   * After the device under `run` was lost: lets the run and everything on that device go,
   * moves to the next backend, and rebuilds the model there from the run's latest checkpoint.
   */
  private async resumeAfterLoss(
    run: TrainingRun,
    lost: DeviceLostError,
    spec: ModelSpec,
    settings: TrainSettings,
  ): Promise<Resumption> {
    this.run = null;
    // Insight requests reading the lost device would wait for it forever: answer them now.
    this.deviceReads.abandon(
      new Error(`This could not be answered: ${lost.message}. Ask again once the run goes on.`),
    );
    this.replaceDevice(null);
    this.forgetModel();
    if (!this.dataset) throw new Error('No dataset is loaded.');
    const resumption = await resumeAfterLoss({
      lost,
      order: this.order,
      run,
      checkpoint: this.checkpoints.latestOfRun,
      build: () => this.buildForData(spec, settings.seed),
    });
    this.useBackend(resumption.backend, resumption.skipped);
    this.post({ type: 'mark', mark: resumption.mark });
    return resumption;
  }

  private prepareRun(
    spec: ModelSpec,
    settings: TrainSettings,
    keepWeights: boolean,
    bases: Map<string, tf.LayersModel> | undefined,
    resumption: Resumption | null,
    cut: CutRun | undefined,
  ): TrainingRun {
    if (!this.dataset) {
      for (const base of bases?.values() ?? []) base.dispose();
      throw new Error('No dataset is loaded.');
    }
    if (resumption) this.model = resumption.model;
    else if (!keepWeights || !this.model) {
      // Built before the old model is dropped, so a network that cannot be built changes nothing.
      const model = buildModel(spec, {
        seed: settings.seed,
        inputShape: this.dataset.summary.inputShape,
        classes: this.dataset.summary.classNames.length,
        bases,
      });
      this.forgetModel();
      this.model = model;
    }
    // After the build, which takes over the bases whatever happens.
    this.device ??= this.upload();
    this.spec = spec;
    this.settings = settings;
    const optimizerState = resumption
      ? resumption.optimizerState
      : (keepWeights && this.optimizerState) || undefined;
    // A run resumed after a lost device keeps its best epoch so far.
    if (!resumption) this.checkpoints.beginRun(cut?.checkpoint);
    else if (!resumption.start) this.checkpoints.beginRun();
    // The model trains on from here: it is no longer the restored checkpoint.
    this.restored = null;
    // A run given up for a lost device is heard no more, whatever it does later.
    const post = (event: WorkerEvent) => {
      if (this.run === run) this.post(event);
    };
    const run: TrainingRun = new TrainingRun(
      this.model,
      this.device,
      settings,
      {
        progress: (progress) => post({ type: 'progress', progress }),
        // Timed here, so a run cut short is known to have trained until its last point.
        metrics: (point) => post({ type: 'metrics', points: [{ ...point, time: Date.now() }] }),
        epochEnd: async (summary, best) => {
          post({ type: 'epochEnd', summary });
          if (this.run === run) await this.keepCheckpoint(run, spec, summary, best);
        },
        mark: (mark) => post({ type: 'mark', mark }),
        restoreEpoch: async (epoch) => {
          const best = this.checkpoints.bestOfRun;
          if (best?.epoch !== epoch) return false;
          await importWeights(run.model, best.model.modelJson, best.model.weights);
          return true;
        },
        paused: () => post({ type: 'runState', state: 'paused' }),
        settled: () => this.deviceReads.idle(),
        warm: async () => {
          if (this.run !== run || !this.backend || !warmsEpochEnd(this.backend)) return;
          await warmEpochEnd(this.insightContext(), run.optimizer, settings);
        },
      },
      optimizerState,
      resumption ? resumption.start : cut?.start,
    );
    if (resumption?.paused) run.pause();
    this.run = run;
    this.stepped = run.model;
    return run;
  }
  /**
   * Keeps the finished run's model for ensembles: the host copy of its weights, made after its
   * end was posted so the run is not slowed. A run without one is simply not offered later.
   */
  private keepRun(runId: string, trained: Omit<KeptRun, 'pair'>): void {
    const pair = this.mirror.of(this.model);
    if (pair) this.keptRuns.keep(runId, { ...trained, pair });
  }

  /** Scores or exports an ensemble of kept runs; nothing else changes, whatever happens. */
  private async ensemble(
    command: Extract<Command, { type: 'evaluateEnsemble' | 'exportEnsemble' }>,
  ): Promise<void> {
    const { requestId } = command;
    try {
      const ctx = this.ensembleContext(command.runIds);
      if (command.type === 'evaluateEnsemble') {
        const result = await this.deviceReads.track(() => evaluateEnsemble(ctx));
        this.post({ type: 'ensembleEvaluated', requestId, result });
      } else {
        const members = await this.deviceReads.track(() => exportEnsemble(ctx));
        this.post({ type: 'ensembleExported', requestId, members });
      }
    } catch (error) {
      const missing = error instanceof RunsNotKeptError ? { missing: error.runIds } : {};
      this.post({ type: 'ensembleError', requestId, message: messageOf(error), ...missing });
    }
  }

  private ensembleContext(runIds: string[]): EnsembleContext {
    if (this.busy) {
      throw new Error('Training is running: wait for it to end before using an ensemble.');
    }
    if (!this.dataset) throw new Error('The dataset is still loading.');
    const members = this.keptRuns.members(runIds);
    this.device ??= this.upload();
    const { dataset, device } = this;
    return { members, dataset, device, build: (kept) => this.buildKept(kept) };
  }

  /** A kept run's network for the loaded data, with its trained weights. */
  private async buildKept({ spec, settings, pair }: KeptRun): Promise<tf.LayersModel> {
    const model = await this.buildForData(spec, settings.seed);
    try {
      await importWeights(model, pair.modelJson, pair.weights);
    } catch (error) {
      model.dispose();
      throw error;
    }
    return model;
  }
}
