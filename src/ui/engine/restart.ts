import type { DatasetReference } from '../../shared/project/project';
import type { WorkerEvent } from '../../shared/protocol';
import { claimEvents, send, startWorker } from '../engine-client';
import { readCarriedDataset } from '../project/carried-dataset';
import { sendCarriedDataset } from '../project/apply-project';
import { useStudio } from '../store/studio-store';
import { describeCheckpoint, restoreLatestCheckpoint } from '../train/checkpoint-client';
import { metricsBuffer } from '../train/metrics-buffer';
import { planResume, runEpochOf } from './continuation';

type DatasetEvent = Extract<WorkerEvent, { type: 'dataset' }>;

/**
 * The next dataset the worker reports, taken before the store sees it: applying the sample a
 * new worker loads first would refit the user's network to it. Rejects when the load fails.
 */
function nextDataset(): Promise<DatasetEvent> {
  return new Promise((resolve, reject) => {
    const release = claimEvents((event) => {
      if (event.type === 'dataset') {
        release();
        resolve(event);
        return true;
      }
      const failed =
        (event.type === 'loadEnd' && event.outcome !== 'loaded') ||
        (event.type === 'error' && (event.where === 'backend' || event.where === 'dataset'));
      if (failed) {
        release();
        reject(new Error(event.message));
      }
      return false;
    });
  });
}

/** Loads `wanted` into the new worker when it can be; null when the user must give it again. */
async function reload(wanted: DatasetReference): Promise<DatasetEvent | null> {
  if (wanted.source) {
    const loaded = nextDataset();
    send({ type: 'loadDataset', source: wanted.source });
    return loaded;
  }
  const bytes = wanted.kind === 'project' ? await readCarriedDataset() : null;
  if (!bytes) return null;
  const loaded = nextDataset();
  sendCarriedDataset(wanted, bytes);
  return loaded;
}

/** Puts the lost dataset back in the new worker, with its split; says how it went. */
async function restoreDataset(
  wanted: DatasetReference | null,
  first: DatasetEvent,
): Promise<{ restored: boolean; note: string | null }> {
  const stopped = useStudio.getState().engine;
  const config = stopped.kind === 'stopped' ? stopped.config : null;
  let loaded: DatasetEvent | null = first;
  try {
    if (wanted && wanted.kind !== 'sample') loaded = await reload(wanted);
  } catch (error) {
    loaded = null;
    useStudio.setState({ dataset: null });
    useStudio
      .getState()
      .setDatasetError(`${wanted?.name} did not load: ${(error as Error).message}`);
    return {
      restored: false,
      note: `${wanted?.name} did not load again; load it in the Data tab.`,
    };
  }
  if (!loaded || !wanted) {
    useStudio.setState({ dataset: null });
    if (wanted) {
      useStudio
        .getState()
        .setDatasetError(`The engine restarted without ${wanted.name}: give it again here.`);
    }
    return { restored: false, note: wanted ? `Give ${wanted.name} again in the Data tab.` : null };
  }
  useStudio.getState().setDataset(loaded.summary, loaded.preview);
  if (config && JSON.stringify(config) !== JSON.stringify(loaded.summary.config)) {
    const split = nextDataset();
    send({ type: 'configureData', config });
    const resplit = await split;
    useStudio.getState().setDataset(resplit.summary, resplit.preview);
  }
  return { restored: true, note: `${loaded.summary.name} is loaded again.` };
}

/** Gives the new worker the last checkpoint's weights; says what came back. */
async function restoreWeights(): Promise<string | null> {
  const s = useStudio.getState();
  const interrupted = s.interrupted;
  const restored = await restoreLatestCheckpoint(interrupted?.run.start.spec ?? s.spec).catch(
    () => null,
  );
  // A resumed run's worker counted its epochs from 1 again; the run's points know the real one.
  const epoch = restored && runEpochOf(restored, metricsBuffer.all());
  if (!interrupted) {
    const shown = restored && { ...restored, epoch: epoch ?? restored.epoch };
    return shown ? `Restored the checkpoint of ${describeCheckpoint(shown)}.` : null;
  }
  const { epochs } = interrupted.run.start.settings;
  const plan =
    epoch === null ? null : planResume([], [], epoch, interrupted.batchesPerEpoch, epochs);
  s.setInterrupted(plan && { ...interrupted, epoch });
  if (!restored || epoch === null) {
    return 'No checkpoint of the cut run fits, so it cannot go on: train again.';
  }
  const back = `Restored the checkpoint of ${describeCheckpoint({ ...restored, epoch })}`;
  return plan
    ? `${back}: the run can go on from there for its last ${plan.epochs} of ${epochs} epochs.`
    : `${back}, the run's last.`;
}

/**
 * Starts a new worker in place of a stopped one, with the same backend choice, and brings back
 * what it held: the dataset where it can be loaded again, its split, and the last checkpoint.
 */
export async function restartEngine(): Promise<void> {
  const stopped = useStudio.getState().engine;
  if (stopped.kind !== 'stopped') return;
  useStudio.getState().setEngine({ kind: 'restarting' });
  const notes: (string | null)[] = ['The engine is running again.'];
  try {
    // Every new worker loads the sample first.
    const first = nextDataset();
    startWorker();
    const dataset = await restoreDataset(stopped.dataset, await first);
    notes.push(dataset.note);
    if (dataset.restored && (stopped.hadModel || useStudio.getState().interrupted)) {
      notes.push(await restoreWeights());
    }
  } catch (error) {
    notes.push(`It could not load its dataset: ${(error as Error).message}`);
  }
  useStudio.getState().setEngine({ kind: 'running' });
  useStudio.getState().setRecovery(notes.filter(Boolean).join(' '));
}

/**
 * Goes on with the cut run from its checkpoint: the epochs left are trained from its weights
 * and optimizer state, and the page numbers them after the ones before, so its curves, progress
 * and run record read as one run.
 */
export function resumeInterrupted(): void {
  const s = useStudio.getState();
  const interrupted = s.interrupted;
  if (!interrupted || interrupted.epoch === null || s.runState !== 'idle') return;
  const { start } = interrupted.run;
  const plan = planResume(
    metricsBuffer.all(),
    metricsBuffer.marks(),
    interrupted.epoch,
    interrupted.batchesPerEpoch,
    start.settings.epochs,
  );
  if (!plan) return;
  metricsBuffer.replace(plan.points, metricsBuffer.previousRun(), plan.marks);
  s.beginRun();
  useStudio.setState({ runStart: start, continuation: plan.continuation });
  const settings = { ...start.settings, epochs: plan.epochs };
  send({ type: 'train', spec: start.spec, settings, keepWeights: true, runId: start.id });
}
