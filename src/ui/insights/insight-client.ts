import type { InsightRequest, InsightResult } from '../../shared/insights';
import { send } from '../engine-client';
import { PendingRequests } from '../pending-requests';

const pending = new PendingRequests<InsightResult>();

/** A request without its id; `askInsight` assigns one. */
export type InsightQuestion = InsightRequest extends infer R
  ? R extends InsightRequest
    ? Omit<R, 'requestId'>
    : never
  : never;

/**
 * Asks the worker about the current model. Resolves with its answer, or rejects with the
 * worker's explanation (no trained model yet, an unknown layer…).
 */
export function askInsight<R extends InsightResult = InsightResult>(
  question: InsightQuestion,
): Promise<R> {
  return pending.ask((requestId) =>
    send({ type: 'insight', request: { ...question, requestId } }),
  ) as Promise<R>;
}

/** Called by the engine client for every insight answer. */
export function settleInsight(requestId: number, outcome: InsightResult | Error): void {
  pending.settle(requestId, outcome);
}
