import type { DatasetReference } from '../../shared/project/project';
import { send, startWorker } from '../engine-client';
import { readCarriedDataset } from '../project/carried-dataset';
import { sendCarriedDataset } from '../project/apply-project';
import type { ReportedDataset } from '../project/replay-class-edits';
import { nextDataset, showEdited } from '../project/replay-class-edits';
import { useStudio } from '../store/studio-store';
import { describeCheckpoint, restoreLatestCheckpoint } from '../train/checkpoint-client';
import type { EngineHealth } from '../store/engine-slice';
import { metricsBuffer } from '../train/metrics-buffer';
import { resumePoint } from './resume-point';

/** Loads `wanted` into the new worker when it can be; null when the user must give it again. */
async function reload(wanted: DatasetReference): Promise<ReportedDataset | null> {
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

type Stopped = Extract<EngineHealth, { kind: 'stopped' }>;

/** Puts the lost dataset back in the new worker, with its class edits and split; says how it went. */
async function restoreDataset(
  { dataset: wanted, config }: Stopped,
  first: ReportedDataset,
): Promise<{ restored: boolean; note: string | null }> {
  let loaded: ReportedDataset | null = first;
  try {
    if (wanted && wanted.kind !== 'sample') loaded = await reload(wanted);
  } catch (error) {
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
  const { classEdits } = wanted;
  // Before the page sees the data, so the network is not refitted to the classes as loaded.
  const edited = await showEdited(loaded, classEdits);
  if (config && JSON.stringify(config) !== JSON.stringify(edited.summary.config)) {
    const split = nextDataset();
    send({ type: 'configureData', config });
    const resplit = await split;
    useStudio.getState().setDataset(resplit.summary, resplit.preview);
  }
  const edits = classEdits.length;
  const remade = edits > 0 ? ` with its ${edits} class edit${edits === 1 ? '' : 's'}` : '';
  return { restored: true, note: `${edited.summary.name} is loaded again${remade}.` };
}

/**
 * Gives the new worker the last checkpoint's weights; says what came back. A cut run learns
 * where it can go on, when the checkpoint is its own and epochs are left.
 */
async function restoreWeights(): Promise<string | null> {
  const s = useStudio.getState();
  const interrupted = s.interrupted;
  const restored = await restoreLatestCheckpoint(interrupted?.run.start.spec ?? s.spec).catch(
    () => null,
  );
  if (!restored) return null;
  const back = `Restored the checkpoint of ${describeCheckpoint(restored)}`;
  if (!interrupted) return `${back}.`;
  const { epochs } = interrupted.run.start.settings;
  const at = resumePoint(restored, metricsBuffer.all(), epochs, 'engineStopped');
  if (!at) return `${back}.`;
  s.setInterrupted({ ...interrupted, at });
  return `${back}: the run can go on from there for its last ${epochs - at.epoch} of ${epochs} epochs.`;
}

/**
 * Starts a new worker in place of a stopped one, with the same backend choice, and brings back
 * what it held: the dataset where it can be loaded again, its class edits and split, and the
 * last checkpoint. A cut run that cannot go on from it is filed in the run history.
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
    const dataset = await restoreDataset(stopped, await first);
    notes.push(dataset.note);
    if (dataset.restored && (stopped.hadModel || useStudio.getState().interrupted)) {
      notes.push(await restoreWeights());
    }
  } catch (error) {
    notes.push(`It could not load its dataset: ${(error as Error).message}`);
  }
  const cut = useStudio.getState().interrupted;
  if (cut && !cut.at) {
    useStudio.getState().fileInterrupted();
    notes.push(
      'The cut run cannot go on from a checkpoint, so it is filed in the run history as interrupted.',
    );
  }
  useStudio.getState().setEngine({ kind: 'running' });
  useStudio.getState().setRecovery(notes.filter(Boolean).join(' '));
}

/**
 * Goes on with the cut run from its checkpoint: the worker trains its epochs left from the
 * checkpoint's weights and optimizer state, numbering epochs and steps on from it, so the
 * curves, progress and run record read as one run.
 */
export function resumeInterrupted(): void {
  const s = useStudio.getState();
  const interrupted = s.interrupted;
  if (!interrupted?.at || s.runState !== 'idle') return;
  const { run, at } = interrupted;
  const { start } = run;
  s.beginRun();
  useStudio.setState({ runStart: start });
  // The curves go back to the checkpoint: what came after it is trained again.
  const label = `resumed from epoch ${at.epoch}`;
  metricsBuffer.mark({ kind: 'resumed', step: at.steps, epoch: at.epoch, label });
  send({
    type: 'train',
    spec: start.spec,
    settings: start.settings,
    keepWeights: true,
    runId: start.id,
    resume: at,
  });
}
