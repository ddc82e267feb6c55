import type { DatasetReference } from '../../shared/project/project';
import type { EpochSummary, Progress, RunState } from '../../shared/protocol';
import type { InterruptedRun, RunStart } from '../../shared/run-record';

/** What the page knew when its training worker stopped. */
export interface StopSnapshot {
  runState: RunState;
  progress: Progress | null;
  lastEpoch: EpochSummary | null;
  runStart: RunStart | null;
  /** A model was in the worker: trained, imported or restored. */
  hasModel: boolean;
  /** A dataset load was under way. */
  loading: boolean;
  dataset: DatasetReference | null;
  /** A project file that carried the dataset is at hand to read it from again. */
  carriedFileKept: boolean;
}

/** Whether a restart can load the dataset again by itself. */
export function canReload(dataset: DatasetReference | null, carriedFileKept: boolean): boolean {
  return (
    dataset !== null && (dataset.source !== null || (dataset.kind === 'project' && carriedFileKept))
  );
}

/** The run that was under way when the worker stopped, if one was. */
export function cutRun(s: StopSnapshot): InterruptedRun | null {
  return s.runState === 'idle' || !s.runStart ? null : { start: s.runStart };
}

function runLoss(s: StopSnapshot): string | null {
  if (s.runState === 'idle') {
    return s.hasModel
      ? 'The trained model it held is gone from memory; its last checkpoint is kept.'
      : null;
  }
  const where = s.progress ? ` in epoch ${s.progress.epoch} of ${s.progress.epochs}` : '';
  const kept = s.lastEpoch
    ? `epoch ${s.lastEpoch.epoch} was the last to finish, and its checkpoint is kept.`
    : 'no epoch had finished, so there is no checkpoint to go on from.';
  const folds = s.runStart?.settings.crossValidation
    ? ' A cross-validated run cannot go on from a checkpoint: train it again.'
    : '';
  return `The run under way was cut short${where}: ${kept}${folds}`;
}

function datasetLoss(s: StopSnapshot): string | null {
  const loading = s.loading ? 'The dataset that was loading did not finish. ' : '';
  const { dataset } = s;
  if (!dataset) return loading || null;
  if (canReload(dataset, s.carriedFileKept)) {
    return `${loading}Restarting loads ${dataset.name} again.`;
  }
  const what =
    dataset.kind === 'webcam'
      ? 'your webcam captures, which must be captured again'
      : dataset.kind === 'project'
        ? 'the images the project file carried: open that file again'
        : 'your own images: give the folder or files again in the Data tab';
  return `${loading}The loaded dataset, ${dataset.name}, was ${what} after the restart.`;
}

/** What the Train panel says when the worker stopped: why, and what was lost and kept. */
export function describeStop(reason: string, s: StopSnapshot): string {
  return [
    `The training engine stopped (${reason}).`,
    runLoss(s),
    datasetLoss(s),
    'Requests under way (insights, exports) were cancelled.',
    'Your network, settings, curves and run history are unchanged.',
  ]
    .filter(Boolean)
    .join(' ');
}
