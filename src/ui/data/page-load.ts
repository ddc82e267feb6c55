import { send } from '../engine-client';
import { useStudio } from '../store/studio-store';

/** Said when a load is cancelled; the worker says the same for the part it runs. */
export const CANCELLED = 'Loading was cancelled; the dataset you had is still loaded.';

/**
 * The page's own part of a files load, before the worker has the files: walking a dropped
 * folder, then sending the files in parts. Only the page can stop it, so Cancel asks here first.
 */
let current: { controller: AbortController; phase: 'walking' | 'sending' } | null = null;

/** Starts the page's part of a load, stopping any before it; the signal says when to stop. */
export function beginPageLoad(): AbortSignal {
  current?.controller.abort();
  current = { controller: new AbortController(), phase: 'walking' };
  return current.controller.signal;
}

/** The files are on their way to the worker, which from now on ends the load itself. */
export function pageLoadSending(signal: AbortSignal): void {
  if (current?.controller.signal === signal) current.phase = 'sending';
}

/** The page's part is over (sent, empty or failed). */
export function endPageLoad(signal: AbortSignal): void {
  if (current?.controller.signal === signal) current = null;
}

/**
 * Cancel, whatever part the load is in. While a drop is still being walked the worker has
 * nothing to cancel, so the page ends the load; once files were sent the worker ends it.
 */
export function cancelLoad(): void {
  const part = current;
  current = null;
  part?.controller.abort(new DOMException('Loading was cancelled.', 'AbortError'));
  send({ type: 'cancelLoad' });
  if (part?.phase === 'walking') useStudio.getState().endLoad('cancelled', CANCELLED);
}
