import type { Backend, SkippedBackend } from './backend';
import { isBackend } from './backend';
import type {
  ClassEdit,
  DataConfig,
  DataRequest,
  DataResult,
  DatasetPreview,
  DatasetSource,
  DatasetSummary,
  LoadProgress,
  SkippedItem,
  SourceFile,
} from './dataset';
import type { EnsembleResult } from './ensemble';
import type { ExportedModel, ModelPair } from './exported-model';
import type { InsightRequest, InsightResult } from './insights';
import type { ModelSpec, PretrainedFacts, PretrainedSource } from './model-spec';
import type { TrainSettings } from './train-settings';

/** Everything the page can ask the training worker to do. */
export type Command =
  | { type: 'init'; backend?: Backend; assetBase: string }
  | { type: 'loadDataset'; source: DatasetSource }
  /**
   * Files for the next 'files' load, sent ahead in parts: cloning thousands of files in one
   * message would block the page for seconds. The load takes them before its own files.
   */
  | { type: 'stageFiles'; files: SourceFile[] }
  /** Abandons the load in progress; the dataset loaded before stays. */
  | { type: 'cancelLoad' }
  /** Re-splits and re-scales the loaded dataset. */
  | { type: 'configureData'; config: DataConfig }
  | { type: 'editClasses'; edit: ClassEdit }
  /** Appends `count` images of the dataset's shape (uint8) to one class (webcam capture). */
  | { type: 'addExamples'; classIndex: number; pixels: Uint8Array; count: number }
  | { type: 'dataRequest'; request: DataRequest }
  /**
   * Trains `spec`; with `keepWeights` it starts from the current model's weights (trained or
   * imported) instead of new ones, which needs the same network on the same data. `runId`
   * names the run in the page's run history. With `resume` it goes on with a cut run from the
   * checkpoint restored as the current model, numbering its epochs and steps on from there.
   */
  | {
      type: 'train';
      spec: ModelSpec;
      settings: TrainSettings;
      keepWeights?: boolean;
      runId?: string;
      resume?: ResumeAt;
    }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'stop' }
  | { type: 'setLearningRate'; value: number }
  | { type: 'insight'; request: InsightRequest }
  /** Drops the current model (another project was opened); ignored while a run is going. */
  | { type: 'forgetModel' }
  /** Serialises the trained model for download; answered by 'exported' or 'exportError'. */
  | { type: 'export'; requestId: number }
  /**
   * Makes `spec`, with the weights of a `model.json` + weights pair, the current model, as if
   * trained with `settings`; answered by 'imported' or 'importError'.
   */
  | {
      type: 'importModel';
      requestId: number;
      spec: ModelSpec;
      settings: TrainSettings;
      /** The weights to load by layer name; left out when the network's Pretrained bases carry them all. */
      modelJson?: Record<string, unknown>;
      weights?: ArrayBuffer;
    }
  /**
   * Reads a pretrained base (from its URL, or from `files`, which the worker keeps under the
   * source's id) and reports its layers; answered by 'baseLoaded' or 'baseError'.
   */
  | { type: 'loadBase'; requestId: number; source: PretrainedSource; files?: ModelPair }
  /**
   * Puts a kept checkpoint's weights (and optimizer state) back: the last epoch's, restored
   * only when it was trained on the loaded data with the network `spec`, or the last run's
   * best. Answered by 'checkpointRestored' (null when there was nothing fitting to restore)
   * or 'checkpointError'.
   */
  | { type: 'restoreCheckpoint'; requestId: number; slot: 'latest'; spec: ModelSpec }
  | { type: 'restoreCheckpoint'; requestId: number; slot: 'best' }
  /**
   * The loaded dataset's examples in the Layerwise sample format, for a project file that
   * carries its dataset; answered by 'datasetExported' or 'datasetExportError'.
   */
  | { type: 'exportDataset'; requestId: number }
  /**
   * Scores the averaged-probability ensemble of finished runs (by `runId`, as trained) on the
   * test split; answered by 'ensembleEvaluated' or 'ensembleError'.
   */
  | { type: 'evaluateEnsemble'; requestId: number; runIds: string[] }
  /** Each member of an ensemble of finished runs, for download; answered by 'ensembleExported' or 'ensembleError'. */
  | { type: 'exportEnsemble'; requestId: number; runIds: string[] };

/** What cut a run the page resumes: its training worker stopped, or the page was closed. */
export type RunCut = 'engineStopped' | 'pageClosed';

/**
 * Where a cut run goes on: after `epoch` of its `settings.epochs` epochs and `steps` of its
 * steps, from the checkpoint of that epoch. `validations` are the scores of epochs 1 to `epoch`,
 * in order, which early stopping and the plateau reducer see again. `after` is what cut it,
 * for the resumed run's end message.
 */
export interface ResumeAt {
  epoch: number;
  steps: number;
  validations: Validation[];
  after: RunCut;
}

/** A validation pass's scores. */
export interface Validation {
  loss: number;
  accuracy: number;
}

export type RunState = 'idle' | 'preparing' | 'training' | 'paused' | 'stopping';

/** How a run ended. */
export type RunOutcome = 'completed' | 'stopped' | 'diverged' | 'failed';

/** One coalesced measurement: a window of training steps, or a validation pass. */
export interface MetricPoint {
  series: 'train' | 'validation';
  /** Global step (batches since the run started) the point belongs to. */
  step: number;
  epoch: number;
  loss: number;
  accuracy: number;
  /** The learning rate in force, on training points. */
  learningRate?: number;
  /** When the worker made it (ms since the epoch); points saved before points had times lack it. */
  time?: number;
}

export interface Progress {
  epoch: number;
  epochs: number;
  /** Batch within the epoch, 1-based once one has run. */
  batch: number;
  batchesPerEpoch: number;
  /** Global step: batches since the run started. */
  step: number;
  examplesPerSec: number;
  /** In a cross-validated run: the fold training now (1-based) and how many there are. */
  fold?: { index: number; count: number };
}

export interface EpochSummary {
  epoch: number;
  validation: Validation;
  /** Tensors held by tfjs at the end of the epoch; constant from epoch to epoch when nothing leaks. */
  numTensors: number;
}

/** A moment of a run marked on its curves. */
export interface RunMark {
  kind: 'learningRate' | 'best' | 'stopped' | 'fold' | 'resumed';
  /** The step the mark stands at (the step count when it happened). */
  step: number;
  epoch: number;
  label: string;
}

/** How early stopping shaped a run. */
export interface EarlyStop {
  /** The epoch after which it ended the run; null when the run reached its last epoch. */
  stoppedAfter: number | null;
  bestEpoch: number;
  /** Why it stopped, in words; null when it did not. */
  reason: string | null;
  /** The model was given the best epoch's weights back. */
  restored: boolean;
}

/** Which epoch a checkpoint holds, and how it scored on the validation split. */
export interface CheckpointInfo {
  epoch: number;
  validation: Validation;
}

/** A restored checkpoint; the best epoch's comes with the test split scored again on its weights. */
export interface RestoredCheckpoint extends CheckpointInfo {
  test?: { loss: number; accuracy: number };
}

/** How a run ended, with its test scores. */
export interface RunEndEvent {
  type: 'runEnd';
  outcome: RunOutcome;
  message: string;
  /** The test split's scores, with each class's accuracy. */
  test?: { loss: number; accuracy: number; perClass?: number[] };
  /** The run's best epoch, when it is not the one the model ended on. */
  best?: CheckpointInfo;
  earlyStop?: EarlyStop;
  /** A cross-validated run's scores, when every fold finished. */
  crossValidation?: CrossValidationResult;
}

/** k-fold cross-validation's validation accuracy: each fold's, their mean and spread. */
export interface CrossValidationResult {
  /** Validation accuracy of each fold's model, in fold order. */
  folds: number[];
  mean: number;
  /** Sample standard deviation of `folds`. */
  std: number;
}

/** Everything the worker tells the page. */
export type WorkerEvent =
  | { type: 'backend'; active: Backend; skipped: SkippedBackend[] }
  | { type: 'dataset'; summary: DatasetSummary; preview: DatasetPreview }
  | { type: 'loadProgress'; progress: LoadProgress }
  /** A load finished: 'loaded' follows its 'dataset' event; otherwise the old dataset stays. */
  | {
      type: 'loadEnd';
      outcome: 'loaded' | 'cancelled' | 'failed';
      message: string;
      /** Files a failed load could not use, with reasons. */
      skipped?: SkippedItem[];
    }
  | { type: 'dataResult'; requestId: number; result: DataResult }
  | { type: 'dataError'; requestId: number; message: string }
  | { type: 'runState'; state: RunState }
  | { type: 'progress'; progress: Progress }
  | { type: 'metrics'; points: MetricPoint[] }
  | { type: 'epochEnd'; summary: EpochSummary }
  | { type: 'mark'; mark: RunMark }
  | RunEndEvent
  | { type: 'insight'; requestId: number; result: InsightResult }
  /** An insight request that could not be answered (no trained model yet, bad layer id…). */
  | { type: 'insightError'; requestId: number; message: string }
  | { type: 'exported'; requestId: number; model: ExportedModel }
  | { type: 'exportError'; requestId: number; message: string }
  | { type: 'imported'; requestId: number }
  | { type: 'importError'; requestId: number; message: string }
  | { type: 'baseLoaded'; requestId: number; facts: PretrainedFacts }
  | { type: 'baseError'; requestId: number; message: string }
  | { type: 'checkpointRestored'; requestId: number; restored: RestoredCheckpoint | null }
  | { type: 'checkpointError'; requestId: number; message: string }
  /** The loaded dataset in the sample format (src/data/sample-format.ts), transferred. */
  | { type: 'datasetExported'; requestId: number; bytes: ArrayBuffer }
  | { type: 'datasetExportError'; requestId: number; message: string }
  | { type: 'ensembleEvaluated'; requestId: number; result: EnsembleResult }
  /** The members in the order asked for. */
  | { type: 'ensembleExported'; requestId: number; members: ExportedModel[] }
  /** `missing`: the runs whose weights the worker no longer keeps, for the page to name. */
  | { type: 'ensembleError'; requestId: number; message: string; missing?: string[] }
  | { type: 'error'; where: string; message: string; hint?: string }
  /** Something the studio did on its own that the student should know (a lost GPU left). */
  | { type: 'notice'; tone: 'info' | 'error'; message: string }
  /** The answer to a `Ping`, with its id. */
  | { type: 'pong'; id: number };

/**
 * The page's "are you there?", answered by the worker's message handler rather than the engine,
 * so it is answered whenever the worker's event loop runs — between training steps too.
 */
export interface Ping {
  type: 'ping';
  id: number;
}

/** True when a message to the worker is a `Ping`. */
export function isPing(data: unknown): data is Ping {
  return isRecord(data) && data.type === 'ping' && typeof data.id === 'number';
}

const COMMAND_TYPES: ReadonlySet<string> = new Set<Command['type']>([
  'init',
  'loadDataset',
  'stageFiles',
  'cancelLoad',
  'configureData',
  'editClasses',
  'addExamples',
  'dataRequest',
  'train',
  'pause',
  'resume',
  'stop',
  'setLearningRate',
  'insight',
  'forgetModel',
  'export',
  'importModel',
  'loadBase',
  'restoreCheckpoint',
  'exportDataset',
  'evaluateEnsemble',
  'exportEnsemble',
]);

const EVENT_TYPES: ReadonlySet<string> = new Set<WorkerEvent['type']>([
  'backend',
  'dataset',
  'loadProgress',
  'loadEnd',
  'dataResult',
  'dataError',
  'runState',
  'progress',
  'metrics',
  'epochEnd',
  'mark',
  'runEnd',
  'insight',
  'insightError',
  'exported',
  'exportError',
  'imported',
  'importError',
  'baseLoaded',
  'baseError',
  'checkpointRestored',
  'checkpointError',
  'datasetExported',
  'datasetExportError',
  'ensembleEvaluated',
  'ensembleExported',
  'ensembleError',
  'error',
  'notice',
  'pong',
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Thrown when a message across the worker boundary is not one the protocol knows. */
export class ProtocolError extends Error {}

/**
 * Checks a message received by the worker. Deep validation of the spec and settings happens
 * where they are used (analyse, checkSettings); here we guard the shape of the envelope.
 */
export function decodeCommand(data: unknown): Command {
  if (!isRecord(data) || typeof data.type !== 'string' || !COMMAND_TYPES.has(data.type)) {
    throw new ProtocolError(`Unknown command: ${JSON.stringify(data)?.slice(0, 80)}`);
  }
  const fail = (why: string) => new ProtocolError(`Bad '${String(data.type)}' command: ${why}`);
  switch (data.type) {
    case 'init':
      if (typeof data.assetBase !== 'string') throw fail('assetBase must be a string');
      if (data.backend !== undefined && !isBackend(data.backend)) throw fail('unknown backend');
      break;
    case 'loadDataset':
      if (!isRecord(data.source)) throw fail('source missing');
      break;
    case 'stageFiles':
      if (!Array.isArray(data.files)) throw fail('files must be an array');
      break;
    case 'configureData':
      if (!isRecord(data.config)) throw fail('config missing');
      break;
    case 'editClasses':
      if (!isRecord(data.edit) || typeof data.edit.op !== 'string') throw fail('edit needs an op');
      break;
    case 'addExamples':
      if (!(data.pixels instanceof Uint8Array)) throw fail('pixels must be a Uint8Array');
      if (typeof data.classIndex !== 'number' || typeof data.count !== 'number') {
        throw fail('classIndex and count must be numbers');
      }
      break;
    case 'dataRequest':
      if (!isRecord(data.request) || typeof data.request.kind !== 'string') {
        throw fail('request must have a kind');
      }
      if (typeof data.request.requestId !== 'number') throw fail('requestId must be a number');
      break;
    case 'train':
      if (
        !isRecord(data.spec) ||
        !Array.isArray(data.spec.nodes) ||
        !Array.isArray(data.spec.edges)
      ) {
        throw fail('spec must have nodes and edges');
      }
      if (!isRecord(data.settings)) throw fail('settings missing');
      if (data.resume !== undefined) {
        if (data.keepWeights !== true)
          throw fail('resume goes on from the current weights: keepWeights must be true');
        checkResume(data.resume, data.settings, fail);
      }
      break;
    case 'setLearningRate':
      if (typeof data.value !== 'number') throw fail('value must be a number');
      break;
    case 'insight':
      if (!isRecord(data.request) || typeof data.request.kind !== 'string') {
        throw fail('request must have a kind');
      }
      if (typeof data.request.requestId !== 'number') throw fail('requestId must be a number');
      break;
    case 'export':
      if (typeof data.requestId !== 'number') throw fail('requestId must be a number');
      break;
    case 'importModel':
      if (typeof data.requestId !== 'number') throw fail('requestId must be a number');
      if (!isRecord(data.spec) || !isRecord(data.settings)) {
        throw fail('spec and settings must be objects');
      }
      if (data.modelJson !== undefined || data.weights !== undefined) {
        if (!(data.weights instanceof ArrayBuffer)) throw fail('weights must be an ArrayBuffer');
        if (!isRecord(data.modelJson)) throw fail('modelJson must be an object');
      }
      break;
    case 'loadBase':
      if (typeof data.requestId !== 'number') throw fail('requestId must be a number');
      if (!isRecord(data.source) || (data.source.kind !== 'url' && data.source.kind !== 'files')) {
        throw fail("source must be a 'url' or 'files' source");
      }
      if (
        data.files !== undefined &&
        !(
          isRecord(data.files) &&
          isRecord(data.files.modelJson) &&
          data.files.weights instanceof ArrayBuffer
        )
      ) {
        throw fail('files must be a model.json and an ArrayBuffer of weights');
      }
      break;
    case 'restoreCheckpoint':
      if (typeof data.requestId !== 'number') throw fail('requestId must be a number');
      if (data.slot === 'latest') {
        if (!isRecord(data.spec) || !Array.isArray(data.spec.nodes)) {
          throw fail('spec must have nodes');
        }
      } else if (data.slot !== 'best') {
        throw fail("slot must be 'latest' or 'best'");
      }
      break;
    case 'exportDataset':
      if (typeof data.requestId !== 'number') throw fail('requestId must be a number');
      break;
    case 'evaluateEnsemble':
    case 'exportEnsemble':
      if (typeof data.requestId !== 'number') throw fail('requestId must be a number');
      if (!Array.isArray(data.runIds) || !data.runIds.every((id) => typeof id === 'string')) {
        throw fail('runIds must be an array of strings');
      }
      break;
  }
  return data as Command;
}

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** Throws unless `resume` is a place inside a run of `settings.epochs` epochs, with its scores. */
function checkResume(
  resume: unknown,
  settings: Record<string, unknown>,
  fail: (why: string) => ProtocolError,
): void {
  if (!isRecord(resume)) throw fail('resume must be an object');
  const { epoch, steps, validations, after } = resume;
  const epochs = settings.epochs;
  if (!isCount(epoch) || epoch < 1 || typeof epochs !== 'number' || epoch >= epochs) {
    throw fail('resume.epoch must be a whole number from 1 to one less than settings.epochs');
  }
  if (!isCount(steps) || steps < epoch) {
    throw fail('resume.steps must be a whole number, at least one step per epoch');
  }
  const scored = (v: unknown) =>
    isRecord(v) && typeof v.loss === 'number' && typeof v.accuracy === 'number';
  if (!Array.isArray(validations) || validations.length !== epoch || !validations.every(scored)) {
    throw fail('resume.validations must hold the loss and accuracy of each epoch done');
  }
  if (after !== 'engineStopped' && after !== 'pageClosed') {
    throw fail("resume.after must be 'engineStopped' or 'pageClosed'");
  }
}

/** Checks a message received by the page. */
export function decodeEvent(data: unknown): WorkerEvent {
  if (!isRecord(data) || typeof data.type !== 'string' || !EVENT_TYPES.has(data.type)) {
    throw new ProtocolError(`Unknown event: ${JSON.stringify(data)?.slice(0, 80)}`);
  }
  return data as WorkerEvent;
}

/** A typed array whose buffer it owns whole, so transferring the buffer detaches nothing else. */
function ownsBuffer(array: ArrayBufferView): boolean {
  return (
    array.buffer instanceof ArrayBuffer &&
    array.byteOffset === 0 &&
    array.byteLength === array.buffer.byteLength
  );
}

/** How deep in a payload typed arrays are looked for: feature maps' values sit 6 levels down. */
const TYPED_ARRAY_DEPTH = 8;

function typedArraysIn(value: unknown, found: ArrayBufferView[], depth = 0): void {
  if (depth > TYPED_ARRAY_DEPTH || typeof value !== 'object' || value === null) return;
  if (ArrayBuffer.isView(value)) {
    found.push(value);
    return;
  }
  for (const child of Array.isArray(value) ? value : Object.values(value)) {
    typedArraysIn(child, found, depth + 1);
  }
}

/**
 * The buffers of an event's typed arrays, to transfer instead of copy. Only whole, unshared
 * buffers qualify: transferring a view's buffer would detach data the sender still uses.
 */
export function transferablesOf(event: WorkerEvent): ArrayBuffer[] {
  // The whole dataset: a copy would double the largest buffer the studio ever sends.
  if (event.type === 'datasetExported') return [event.bytes];
  if (event.type === 'ensembleExported') return ensembleTransferables(event.members);
  const payload =
    event.type === 'dataset'
      ? event.preview
      : event.type === 'insight' || event.type === 'dataResult'
        ? event.result
        : event.type === 'exported'
          ? event.model.check
          : null;
  if (payload === null) return [];
  const arrays: ArrayBufferView[] = [];
  typedArraysIn(payload, arrays);
  const buffers = arrays.filter(ownsBuffer).map((a) => a.buffer as ArrayBuffer);
  if (event.type === 'exported') buffers.push(event.model.weights);
  return [...new Set(buffers)];
}

/** Each exported member's weights and prediction-check arrays, made for this message alone. */
function ensembleTransferables(members: ExportedModel[]): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [];
  for (const member of members) typedArraysIn(member.check, arrays);
  const buffers = arrays.filter(ownsBuffer).map((a) => a.buffer as ArrayBuffer);
  return [...new Set([...buffers, ...members.map((member) => member.weights)])];
}
