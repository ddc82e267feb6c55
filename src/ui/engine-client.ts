import type { Backend } from '../shared/backend';
import type { Command, WorkerEvent } from '../shared/protocol';
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

let worker: Worker | null = null;

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

/** Starts the training worker and asks it to pick a backend and load the sample dataset. */
export function startEngine(forced: Backend | undefined): void {
  if (worker) return;
  worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (message: MessageEvent<unknown>) => apply(decodeEvent(message.data));
  worker.onerror = (error) => {
    useStudio.getState().setTrainError(`The training worker crashed: ${error.message}`);
  };
  const assetBase = new URL(import.meta.env.BASE_URL, window.location.href).href;
  send({ type: 'init', backend: forced, assetBase });
}
