import { send } from '../engine-client';
import { PendingRequests } from '../pending-requests';

const pending = new PendingRequests<ArrayBuffer>();

/**
 * Asks the worker for the loaded dataset in the Layerwise sample format, for a project file
 * that carries it; rejects with the worker's explanation.
 */
export function requestDatasetBytes(): Promise<Uint8Array> {
  return pending
    .ask((requestId) => send({ type: 'exportDataset', requestId }))
    .then((bytes) => new Uint8Array(bytes));
}

/** Called by the engine client for every dataset answer. */
export function settleDatasetExport(requestId: number, outcome: ArrayBuffer | Error): void {
  pending.settle(requestId, outcome);
}
