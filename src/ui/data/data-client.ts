import type { DataRequest, DataResult } from '../../shared/dataset';
import { send } from '../engine-client';
import { PendingRequests } from '../pending-requests';

const pending = new PendingRequests<DataResult>();

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
  return pending.ask((requestId) =>
    send({ type: 'dataRequest', request: { ...question, requestId } }),
  ) as Promise<DataAnswer<Q['kind']>>;
}

/** Called by the engine client for every data answer. */
export function settleData(requestId: number, outcome: DataResult | Error): void {
  pending.settle(requestId, outcome);
}
