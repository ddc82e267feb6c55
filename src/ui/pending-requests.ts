type Waiting<R> = { resolve: (result: R) => void; reject: (error: Error) => void };

/** Every request list, so a stopped worker's unanswered requests can all be refused at once. */
const everyList = new Set<PendingRequests<unknown>>();

/** Why requests are refused while the worker is down; null while it is up. */
let refusal: string | null = null;

/**
 * Requests to the worker answered later by an event carrying the same id: each `ask` sends
 * with a fresh id, and the engine client settles the answer (or the worker's error) by id.
 */
export class PendingRequests<R> {
  private readonly waiting = new Map<number, Waiting<R>>();
  private nextId = 1;

  constructor() {
    everyList.add(this as PendingRequests<unknown>);
  }

  /**
   * Sends with a new id; resolves with the answer, or rejects with the worker's explanation —
   * at once, without sending, while the worker is down.
   */
  ask(send: (requestId: number) => void): Promise<R> {
    if (refusal !== null) return Promise.reject(new Error(refusal));
    const requestId = this.nextId++;
    return new Promise<R>((resolve, reject) => {
      this.waiting.set(requestId, { resolve, reject });
      send(requestId);
    });
  }

  settle(requestId: number, outcome: R | Error): void {
    const waiting = this.waiting.get(requestId);
    if (!waiting) return;
    this.waiting.delete(requestId);
    if (outcome instanceof Error) waiting.reject(outcome);
    else waiting.resolve(outcome);
  }

  /** Rejects every request still waiting, with `message`. */
  rejectAll(message: string): void {
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const { reject } of waiting) reject(new Error(message));
  }
}

/**
 * The worker stopped: every request waiting for it is rejected with `message`, and new ones
 * are refused with it until `acceptRequests` — none of them would ever be answered.
 */
export function refuseRequests(message: string): void {
  refusal = message;
  for (const list of everyList) list.rejectAll(message);
}

/** A new worker is up: requests are sent again. */
export function acceptRequests(): void {
  refusal = null;
}
