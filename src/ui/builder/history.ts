/**
 * Undo/redo stacks of whole values. Snapshots instead of inverse edits: specs are small,
 * immutable and shared structurally, so a snapshot costs little and can never drift from
 * what the user saw.
 */
export interface History<T> {
  past: readonly T[];
  future: readonly T[];
  /** Edits sharing this key within `MERGE_WINDOW_MS` fold into one entry (typing in a field). */
  mergeKey?: string | undefined;
  mergedAt?: number | undefined;
}

/** How many undo steps are kept; older ones are dropped. */
export const HISTORY_LIMIT = 100;

/** Keystrokes in one field closer together than this count as one edit. */
export const MERGE_WINDOW_MS = 1500;

/** An empty history. */
export function emptyHistory<T>(): History<T> {
  return { past: [], future: [] };
}

/**
 * The history after the value changed from `previous`. With a `mergeKey` equal to the last
 * one, recent enough, the change joins the previous entry instead of making a new one.
 */
export function record<T>(
  history: History<T>,
  previous: T,
  mergeKey?: string,
  now: number = Date.now(),
): History<T> {
  const merges =
    mergeKey !== undefined &&
    history.mergeKey === mergeKey &&
    history.mergedAt !== undefined &&
    now - history.mergedAt < MERGE_WINDOW_MS &&
    history.past.length > 0;
  const past = merges ? history.past : [...history.past, previous].slice(-HISTORY_LIMIT);
  return { past, future: [], mergeKey, mergedAt: mergeKey === undefined ? undefined : now };
}

/** Steps back: the value to show and the history after, or undefined when nothing to undo. */
export function undo<T>(
  history: History<T>,
  current: T,
): { value: T; history: History<T> } | undefined {
  const value = history.past.at(-1);
  if (value === undefined) return undefined;
  return {
    value,
    history: { past: history.past.slice(0, -1), future: [current, ...history.future] },
  };
}

/** Steps forward again after an undo, or undefined when nothing to redo. */
export function redo<T>(
  history: History<T>,
  current: T,
): { value: T; history: History<T> } | undefined {
  const [value, ...future] = history.future;
  if (value === undefined) return undefined;
  return {
    value,
    history: { past: [...history.past, current].slice(-HISTORY_LIMIT), future },
  };
}
