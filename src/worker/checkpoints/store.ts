import { createStore, get, setMany } from 'idb-keyval';
import type { Checkpoint } from './checkpoint';

/** Which checkpoint: the last epoch's, or the current run's best by validation loss. */
export type CheckpointSlot = 'latest' | 'best';

/** Where checkpoints are kept: IndexedDB in the browser, memory in unit tests. */
export interface CheckpointStore {
  get(slot: CheckpointSlot): Promise<Checkpoint | undefined>;
  /** Writes several slots in one transaction. */
  put(entries: [CheckpointSlot, Checkpoint][]): Promise<void>;
}

/** A store that forgets everything with the worker; the worker's choice where IndexedDB is missing. */
export function memoryStore(): CheckpointStore {
  const slots = new Map<CheckpointSlot, Checkpoint>();
  return {
    get: (slot) => Promise.resolve(slots.get(slot)),
    put: (entries) => {
      for (const [slot, checkpoint] of entries) slots.set(slot, checkpoint);
      return Promise.resolve();
    },
  };
}

/** Checkpoints in IndexedDB, in a database of their own (the page's autosave has another). */
export function indexedDbStore(): CheckpointStore {
  const db = createStore('layerwise-checkpoints', 'checkpoints');
  return {
    get: (slot) => get<Checkpoint>(slot, db),
    put: (entries) => setMany(entries, db),
  };
}

/** IndexedDB where the worker has it, otherwise memory. */
export function defaultStore(): CheckpointStore {
  return typeof indexedDB === 'undefined' ? memoryStore() : indexedDbStore();
}
