import type { ModelSpec } from '../../shared/model-spec';
import type { CheckpointInfo, RestoredCheckpoint } from '../../shared/protocol';
import { send } from '../engine-client';
import { PendingRequests } from '../pending-requests';
import { formatPercent } from '../format';

const pending = new PendingRequests<RestoredCheckpoint | null>();

/**
 * Asks the worker to put the last epoch's checkpoint back, if it was trained on the loaded
 * data with the network `spec`; resolves with what was restored, or null when nothing fitted.
 */
export function restoreLatestCheckpoint(spec: ModelSpec): Promise<RestoredCheckpoint | null> {
  return pending.ask((requestId) =>
    send({ type: 'restoreCheckpoint', requestId, slot: 'latest', spec }),
  );
}

/**
 * Asks the worker to give the model the last run's best weights; resolves with the best epoch
 * and its test scores, or rejects with why it cannot.
 */
export function restoreBestCheckpoint(): Promise<RestoredCheckpoint | null> {
  return pending.ask((requestId) => send({ type: 'restoreCheckpoint', requestId, slot: 'best' }));
}

/** Called by the engine client for every checkpoint answer. */
export function settleCheckpoint(
  requestId: number,
  outcome: RestoredCheckpoint | null | Error,
): void {
  pending.settle(requestId, outcome);
}

/** "epoch 2 (validation accuracy 93.1%)" */
export function describeCheckpoint({ epoch, validation }: CheckpointInfo): string {
  return `epoch ${epoch} (validation accuracy ${formatPercent(validation.accuracy)})`;
}
