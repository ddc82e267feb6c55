import type { DataRequest, DataResult } from '../../shared/dataset';
import { send } from '../engine-client';

type Pending = { resolve: (result: DataResult) => void; reject: (error: Error) => void };

const pending = new Map<number, Pending>();
let nextId = 1;

/** A data request without its id; `askData` assigns one. */
export type DataQuestion = DataRequest extends infer R
  ? R extends DataRequest
    ? Omit<R, 'requestId'>
    : never
  : never;

/** The result kind that answers a question kind. */
export type DataAnswer<K extends DataQuestion['kind']> = Extract<DataResult, { kind: K }>;

/**
 * Asks the worker about the loaded data (examples for the grid, an augmented batch). Resolves
 * with its answer, or rejects with the worker's explanation (no dataset yet, an unknown class…).
 */
export function askData<Q extends DataQuestion>(question: Q): Promise<DataAnswer<Q['kind']>> {
  const requestId = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(requestId, { resolve: resolve as (r: DataResult) => void, reject });
    send({ type: 'dataRequest', request: { ...question, requestId } });
  });
}

/** Called by the engine client for every data answer. */
export function settleData(requestId: number, outcome: DataResult | Error): void {
  const waiting = pending.get(requestId);
  if (!waiting) return;
  pending.delete(requestId);
  if (outcome instanceof Error) waiting.reject(outcome);
  else waiting.resolve(outcome);
}
