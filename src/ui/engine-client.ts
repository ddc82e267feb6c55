import type { Backend } from '../shared/backend';
import type { Command, Ping, WorkerEvent } from '../shared/protocol';
import { decodeEvent } from '../shared/protocol';
import { assertNever } from '../shared/assert-never';
import { useStudio } from './store/studio-store';
import { metricsBuffer } from './train/metrics-buffer';
import { settleInsight } from './insights/insight-client';
import { settleData } from './data/data-client';
import { settleExport } from './export/export-client';
import { settleImport } from './export/import-client';
import { settleBase } from './builder/base-client';
import { settleCheckpoint } from './train/checkpoint-client';
import { settleDatasetExport } from './project/dataset-client';
import { failEnsemble, settleEnsemble } from './runs/ensemble-client';
import { HEARTBEAT, Heartbeat, silenceAllowanceMs } from './engine/heartbeat';
import { selectAnalysis } from './store/analysis';
import { cutRun, describeStop } from './engine/engine-stop';
import { acceptRequests, refuseRequests } from './pending-requests';
import { datasetReference } from './project/current-project';
import { hasCarriedDatasetFile } from './project/carried-dataset';

let worker: Worker | null = null;
/** The backend asked for at start (`?backend=`), asked for again by a restarted worker. */
let backendChoice: Backend | undefined;
let heartbeat: { beat: Heartbeat; timer: ReturnType<typeof setInterval> } | null = null;
let nextPing = 1;

/** Sees each event before the store does; true when it has dealt with the event itself. */
type Claim = (event: WorkerEvent) => boolean;
const claims = new Set<Claim>();

/** Lets `claim` see (and take) the worker's events until the returned function is called. */
export function claimEvents(claim: Claim): () => void {
  claims.add(claim);
  return () => claims.delete(claim);
}

/** Applies one worker event to the store and the metrics buffer. */
function apply(event: WorkerEvent): void {
  const store = useStudio.getState();
  switch (event.type) {
    case 'backend':
      store.setBackend(event.active, event.skipped);
      return;
    case 'dataset':
      store.setDataset(event.summary, event.preview);
      return;
    case 'loadProgress':
      store.setLoadProgress(event.progress);
      return;
    case 'loadEnd':
      store.endLoad(event.outcome, event.message, event.skipped);
      return;
    case 'dataResult':
      settleData(event.requestId, event.result);
      return;
    case 'dataError':
      settleData(event.requestId, new Error(event.message));
      return;
    case 'runState':
      store.setRunState(event.state);
      return;
    case 'progress':
      store.setProgress(event.progress);
      return;
    case 'metrics':
      metricsBuffer.append(event.points);
      return;
    case 'epochEnd':
      store.setLastEpoch(event.summary);
      return;
    case 'mark':
      metricsBuffer.mark(event.mark);
      return;
    case 'runEnd':
      store.recordRunEnd(event);
      store.setReport({
        outcome: event.outcome,
        message: event.message,
        test: event.test,
        best: event.best,
        earlyStop: event.earlyStop,
        crossValidation: event.crossValidation,
      });
      return;
    case 'insight':
      settleInsight(event.requestId, event.result);
      return;
    case 'insightError':
      settleInsight(event.requestId, new Error(event.message));
      return;
    case 'exported':
      settleExport(event.requestId, event.model);
      return;
    case 'exportError':
      settleExport(event.requestId, new Error(event.message));
      return;
    case 'imported':
      settleImport(event.requestId, true);
      return;
    case 'importError':
      settleImport(event.requestId, new Error(event.message));
      return;
    case 'baseLoaded':
      settleBase(event.requestId, event.facts);
      return;
    case 'baseError':
      settleBase(event.requestId, new Error(event.message));
      return;
    case 'checkpointRestored':
      settleCheckpoint(event.requestId, event.restored);
      return;
    case 'checkpointError':
      settleCheckpoint(event.requestId, new Error(event.message));
      return;
    case 'datasetExported':
      settleDatasetExport(event.requestId, event.bytes);
      return;
    case 'datasetExportError':
      settleDatasetExport(event.requestId, new Error(event.message));
      return;
    case 'ensembleEvaluated':
      settleEnsemble(event.requestId, { kind: 'evaluated', result: event.result });
      return;
    case 'ensembleExported':
      settleEnsemble(event.requestId, { kind: 'exported', members: event.members });
      return;
    case 'ensembleError':
      failEnsemble(event.requestId, event.message, event.missing);
      return;
    case 'error':
      // Checkpoints failing to save is worth knowing, but no reason to stop training.
      if (event.where === 'checkpoint')
        store.showProjectNotice({ tone: 'error', message: event.message });
      else if (event.where === 'backend') store.setBackendError(event.message);
      else if (event.where === 'dataset') store.setDatasetError(event.message);
      else store.setTrainError(event.message);
      return;
    case 'notice':
      store.showProjectNotice({ tone: event.tone, message: event.message });
      return;
    case 'pong':
      return;
    default:
      assertNever(event);
  }
}

/** Sends a command to the training worker, moving the `transfer` buffers instead of copying. */
export function send(command: Command, transfer: Transferable[] = []): void {
  // The store shows a load as under way from the moment it is asked for, not from the worker's
  // first progress report, so the Cancel button is there at once.
  if (command.type === 'loadDataset') useStudio.getState().beginLoad(command.source);
  worker?.postMessage(command, transfer);
}

/** Takes in one message from the worker: a sign of life, and an event for the page. */
function receive(data: unknown): void {
  heartbeat?.beat.heard(performance.now());
  const event = decodeEvent(data);
  for (const claim of [...claims]) if (claim(event)) return;
  apply(event);
}

/**
 * The worker is gone (or can no longer be trusted): it is ended for good, every request
 * waiting for it is refused, and the Train panel says what was lost and offers a restart.
 */
function engineStopped(reason: string): void {
  if (!worker) return;
  worker.terminate();
  worker = null;
  if (heartbeat) clearInterval(heartbeat.timer);
  heartbeat = null;
  refuseRequests('The training engine stopped before answering; restart it in the Train panel.');
  const s = useStudio.getState();
  const summary = s.dataset?.summary;
  const dataset = summary ? datasetReference(summary, s.loadedSource) : null;
  const hadModel = s.report !== null || s.lastEpoch !== null;
  const snapshot = {
    runState: s.runState,
    progress: s.progress,
    lastEpoch: s.lastEpoch,
    runStart: s.runStart,
    hasModel: hadModel,
    loading: s.loading !== null,
    dataset,
    carriedFileKept: hasCarriedDatasetFile(),
  };
  const run = cutRun(snapshot);
  s.setInterrupted(run && { run, at: null, cutAt: Date.now() });
  // A cross-validated run trains fresh models fold after fold: there is no one to go on with.
  if (run?.start.settings.crossValidation) s.fileInterrupted();
  if (s.loading) s.endLoad('failed', 'The training engine stopped before the dataset loaded.');
  s.setRunState('idle');
  s.setEngine({
    kind: 'stopped',
    message: describeStop(reason, snapshot),
    dataset,
    config: summary?.config ?? null,
    hadModel,
  });
}

/** How long the worker may be silent with the current network, batch size and backend. */
function currentAllowanceMs(): number {
  const state = useStudio.getState();
  const { batchSize } = state.settings;
  return silenceAllowanceMs(state.backend?.active, selectAnalysis(state).totalFlops, batchSize);
}

/** Pings the worker every interval; a silence longer than the heartbeat's timeout stops it. */
function watch(): void {
  const beat = new Heartbeat(performance.now());
  const timer = setInterval(() => {
    const now = performance.now();
    if (beat.tick(now, currentAllowanceMs) === 'stopped') {
      const seconds = Math.round(beat.silenceMs(now) / 1000);
      engineStopped(
        `it did not answer for ${seconds} seconds: it was closed, crashed or ran out of memory`,
      );
    } else {
      worker?.postMessage({ type: 'ping', id: nextPing++ } satisfies Ping);
    }
  }, HEARTBEAT.intervalMs);
  heartbeat = { beat, timer };
}

/** Starts a worker with the backend choice of the first, which picks a backend and loads the sample. */
export function startWorker(): void {
  if (worker) return;
  worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (message: MessageEvent<unknown>) => receive(message.data);
  // An error the worker did not catch leaves its engine in a state nobody knows (a run half
  // done, a request never answered), so it is treated as the worker stopping.
  worker.onerror = (error) => {
    error.preventDefault();
    engineStopped(error.message ? `it crashed: ${error.message}` : 'it crashed');
  };
  worker.onmessageerror = () => engineStopped('a message from it could not be read');
  acceptRequests();
  watch();
  const assetBase = new URL(import.meta.env.BASE_URL, window.location.href).href;
  send({ type: 'init', backend: backendChoice, assetBase });
}

/** Starts the training worker and asks it to pick a backend and load the sample dataset. */
export function startEngine(forced: Backend | undefined): void {
  backendChoice = forced;
  startWorker();
}
