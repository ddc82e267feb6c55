type Waiting<R> = { resolve: (result: R) => void; reject: (error: Error) => void };

/**
 * Requests to the worker answered later by an event carrying the same id: each `ask` sends
 * with a fresh id, and the engine client settles the answer (or the worker's error) by id.
 */
export class PendingRequests<R> {
  private readonly waiting = new Map<number, Waiting<R>>();
  private nextId = 1;

  /** Sends with a new id; resolves with the answer, or rejects with the worker's explanation. */
  ask(send: (requestId: number) => void): Promise<R> {
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
}
