import type { ClassEdit } from '../../shared/dataset';
import type { WorkerEvent } from '../../shared/protocol';
import { claimEvents, send } from '../engine-client';
import { useStudio } from '../store/studio-store';

type DatasetEvent = Extract<WorkerEvent, { type: 'dataset' }>;

/** A dataset as the worker reports it, or as the store holds it. */
export type ReportedDataset = Pick<DatasetEvent, 'summary' | 'preview'>;

/**
 * The next dataset the worker reports, taken before the store sees it: applying a dataset the
 * page is about to edit (or the sample a new worker loads first) would refit the user's network
 * to it. Rejects when the load or the change fails.
 */
export function nextDataset(): Promise<DatasetEvent> {
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

/**
 * Makes `edits` again, in order, on the worker's dataset (`start` as it is now), then puts the
 * dataset they end with on the page; the ones between are held back, so the network is not
 * refitted to the classes as first loaded. An edit the worker refuses stops the rest: the page
 * shows the dataset as far as it got, the Data tab says why, and the error is thrown.
 */
export async function showEdited(
  start: ReportedDataset,
  edits: readonly ClassEdit[],
): Promise<ReportedDataset> {
  let edited = start;
  let failure: Error | null = null;
  for (const edit of edits) {
    const next = nextDataset();
    send({ type: 'editClasses', edit });
    try {
      edited = await next;
    } catch (error) {
      failure = error as Error;
      break;
    }
  }
  const s = useStudio.getState();
  s.setDataset(edited.summary, edited.preview);
  if (failure) {
    s.setDatasetError(`The class edits could not all be made again: ${failure.message}`);
    throw failure;
  }
  return edited;
}
