import type { ModelPair } from '../../shared/exported-model';
import type { PretrainedFacts, PretrainedSource } from '../../shared/model-spec';
import { send } from '../engine-client';
import { PendingRequests } from '../pending-requests';

const pending = new PendingRequests<PretrainedFacts>();

/** Asks the worker to read a pretrained base (and keep `files`, when given); rejects with why not. */
export function requestBase(source: PretrainedSource, files?: ModelPair): Promise<PretrainedFacts> {
  return pending.ask((requestId) => send({ type: 'loadBase', requestId, source, files }));
}

/** Called by the engine client for every base answer. */
export function settleBase(requestId: number, outcome: PretrainedFacts | Error): void {
  pending.settle(requestId, outcome);
}
