import type { InsightRequest, InsightResult } from '../../shared/insights';
import { send } from '../engine-client';

type Pending = { resolve: (result: InsightResult) => void; reject: (error: Error) => void };

const pending = new Map<number, Pending>();
let nextId = 1;

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
  const requestId = nextId++;
  return new Promise<R>((resolve, reject) => {
    pending.set(requestId, { resolve: resolve as (r: InsightResult) => void, reject });
    send({ type: 'insight', request: { ...question, requestId } });
  });
}

/** Called by the engine client for every insight answer. */
export function settleInsight(requestId: number, outcome: InsightResult | Error): void {
  const waiting = pending.get(requestId);
  if (!waiting) return;
  pending.delete(requestId);
  if (outcome instanceof Error) waiting.reject(outcome);
  else waiting.resolve(outcome);
}
