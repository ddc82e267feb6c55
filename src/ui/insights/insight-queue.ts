import type { InsightResult } from '../../shared/insights';
import type { InsightQuestion } from './insight-client';

/** Rejection of a queued question that a newer one from the same owner replaced. */
export class Superseded extends Error {
  constructor() {
    super('Replaced by a newer request');
  }
}

type Ask = (question: InsightQuestion) => Promise<InsightResult>;

interface Waiting {
  question: InsightQuestion;
  resolve: (result: InsightResult) => void;
  reject: (error: unknown) => void;
}

interface Lane {
  busy: boolean;
  /** At most one waiting question per owner; a newer one replaces it. */
  queued: Map<string, Waiting>;
}

/**
 * Sends insight questions with at most one of each kind in flight, so a burst of epoch ends or
 * Refresh clicks cannot pile work onto the worker. Each owner (a panel section, the filmstrip)
 * keeps only its newest waiting question; the one it replaces rejects with `Superseded`.
 */
export function createInsightQueue(ask: Ask) {
  const lanes = new Map<string, Lane>();

  const pump = (lane: Lane) => {
    if (lane.busy) return;
    const next = lane.queued.entries().next();
    if (next.done) return;
    const [owner, waiting] = next.value;
    lane.queued.delete(owner);
    lane.busy = true;
    ask(waiting.question)
      .then(waiting.resolve, waiting.reject)
      .finally(() => {
        lane.busy = false;
        pump(lane);
      });
  };

  return function request<R extends InsightResult>(
    owner: string,
    question: InsightQuestion,
  ): Promise<R> {
    let lane = lanes.get(question.kind);
    if (!lane) {
      lane = { busy: false, queued: new Map() };
      lanes.set(question.kind, lane);
    }
    const replaced = lane.queued.get(owner);
    if (replaced) {
      lane.queued.delete(owner);
      replaced.reject(new Superseded());
    }
    const current = lane;
    return new Promise<R>((resolve, reject) => {
      current.queued.set(owner, {
        question,
        resolve: resolve as (result: InsightResult) => void,
        reject,
      });
      pump(current);
    });
  };
}
