import type { ModelSpec } from '../../shared/model-spec';
import type { TrainSettings } from '../../shared/train-settings';
import { send } from '../engine-client';
import { PendingRequests } from '../pending-requests';
import type { ModelPair } from '../../shared/exported-model';

const pending = new PendingRequests<true>();

/**
 * Gives the worker an imported network and its weights (none when its Pretrained bases carry
 * them); rejects with its explanation.
 */
export function requestImport(
  spec: ModelSpec,
  settings: TrainSettings,
  pair?: ModelPair,
): Promise<true> {
  return pending.ask((requestId) =>
    send({ type: 'importModel', requestId, spec, settings, ...pair }),
  );
}

/** Called by the engine client for every import answer. */
export function settleImport(requestId: number, outcome: true | Error): void {
  pending.settle(requestId, outcome);
}
