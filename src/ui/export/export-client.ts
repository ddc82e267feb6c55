import type { ExportedModel } from '../../shared/exported-model';
import { send } from '../engine-client';
import { PendingRequests } from '../pending-requests';

const pending = new PendingRequests<ExportedModel>();

/** Asks the worker to serialise the trained model; rejects with its explanation. */
export function requestExport(): Promise<ExportedModel> {
  return pending.ask((requestId) => send({ type: 'export', requestId }));
}

/** Called by the engine client for every export answer. */
export function settleExport(requestId: number, outcome: ExportedModel | Error): void {
  pending.settle(requestId, outcome);
}
