import type { UseStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { putAll } from './store';

type Failure = { at: 'put'; index: number } | { at: 'commit' };

/**
 * An IndexedDB object store reduced to what a transaction promises: puts are staged, and are
 * written only when the transaction completes; an abort (or a quota refusal at commit)
 * discards them all. `fail` makes one transaction fail, at a put or at its commit.
 */
function transactionalDb(data: Map<IDBValidKey, unknown>, fail?: Failure): UseStore {
  return (_mode, callback) => {
    const staged = new Map<IDBValidKey, unknown>();
    let aborted = false;
    const transaction = {
      error: null as DOMException | null,
      oncomplete: null as (() => void) | null,
      onabort: null as (() => void) | null,
      abort() {
        aborted = true;
      },
    };
    const store = {
      transaction,
      put(value: unknown, key: IDBValidKey) {
        if (fail?.at === 'put' && staged.size === fail.index) {
          throw new DOMException('The object could not be cloned.', 'DataCloneError');
        }
        staged.set(key, value);
      },
    };
    const result = Promise.resolve().then(() => callback(store as unknown as IDBObjectStore));
    // Once the callback has queued its puts, the transaction ends: committed or aborted.
    setTimeout(() => {
      if (!aborted && fail?.at === 'commit') {
        aborted = true;
        transaction.error = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      if (aborted) {
        transaction.onabort?.();
        return;
      }
      for (const [key, value] of staged) data.set(key, value);
      transaction.oncomplete?.();
    });
    return result;
  };
}

/** Lets every transaction under way end. */
const transactionsEnded = () => new Promise((resolve) => setTimeout(resolve, 10));

const previous = () =>
  new Map<IDBValidKey, unknown>([
    ['latest', 'epoch 1'],
    ['best', 'epoch 1'],
  ]);

describe('putAll', () => {
  it('writes every entry in one transaction', async () => {
    const data = previous();
    await putAll(transactionalDb(data), [
      ['latest', 'epoch 2'],
      ['best', 'epoch 2'],
    ]);
    expect(Object.fromEntries(data)).toEqual({ latest: 'epoch 2', best: 'epoch 2' });
  });

  it('leaves the previous slots whole when the storage is full', async () => {
    const data = previous();
    const write = putAll(transactionalDb(data, { at: 'commit' }), [
      ['latest', 'epoch 2'],
      ['best', 'epoch 2'],
    ]);
    await expect(write).rejects.toMatchObject({ name: 'QuotaExceededError' });
    await transactionsEnded();
    expect(Object.fromEntries(data)).toEqual({ latest: 'epoch 1', best: 'epoch 1' });
  });

  it('writes none of the entries when one of them cannot be stored', async () => {
    const data = previous();
    const write = putAll(transactionalDb(data, { at: 'put', index: 1 }), [
      ['latest', 'epoch 2'],
      ['best', 'epoch 2'],
    ]);
    await expect(write).rejects.toMatchObject({ name: 'DataCloneError' });
    await transactionsEnded();
    expect(Object.fromEntries(data)).toEqual({ latest: 'epoch 1', best: 'epoch 1' });
  });
});
