import type { UseStore } from 'idb-keyval';
import { createStore, get, promisifyRequest } from 'idb-keyval';
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

/**
 * Writes every entry in one transaction: all of them or none. A full quota aborts the
 * transaction by itself; a put that throws at once (a value that cannot be stored) aborts it
 * here, where idb-keyval's `setMany` would let the puts before it commit.
 */
export function putAll(db: UseStore, entries: [IDBValidKey, unknown][]): Promise<void> {
  return db('readwrite', (store) => {
    try {
      for (const [key, value] of entries) store.put(value, key);
    } catch (error) {
      store.transaction.abort();
      throw error;
    }
    return promisifyRequest(store.transaction);
  });
}

/** Checkpoints in IndexedDB, in a database of their own (the page's autosave has another). */
export function indexedDbStore(
  db: UseStore = createStore('layerwise-checkpoints', 'checkpoints'),
): CheckpointStore {
  return {
    get: (slot) => get<Checkpoint>(slot, db),
    put: (entries) => putAll(db, entries),
  };
}

/** IndexedDB where the worker has it, otherwise memory. */
export function defaultStore(): CheckpointStore {
  return typeof indexedDB === 'undefined' ? memoryStore() : indexedDbStore();
}
