/** Counts tasks under way, and tells when none is. */
export class InFlight {
  private count = 0;
  private waiters: (() => void)[] = [];
  /** Rejects the tasks under way when they are given up (see `abandon`). */
  private giveUp: ((reason: Error) => void)[] = [];

  /**
   * Runs `task`, counted as under way until it settles or is abandoned; an abandoned task's
   * promise rejects with the reason given, whatever the task does later.
   */
  async track<T>(task: () => Promise<T>): Promise<T> {
    this.count++;
    let reject: (reason: Error) => void = () => undefined;
    const abandoned = new Promise<never>((_, fail) => (reject = fail));
    this.giveUp.push(reject);
    try {
      return await Promise.race([task(), abandoned]);
    } finally {
      const index = this.giveUp.indexOf(reject);
      if (index >= 0) {
        this.giveUp.splice(index, 1);
        this.settle();
      }
    }
  }

  /** Resolves at once when nothing is under way, else when the last task under way settles. */
  idle(): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /**
   * Gives up every task under way, rejecting each with `reason`: for tasks that can never
   * settle, such as readbacks from a GPU that was lost.
   */
  abandon(reason: Error): void {
    const giveUp = this.giveUp;
    this.giveUp = [];
    for (const reject of giveUp) {
      reject(reason);
      this.settle();
    }
  }

  private settle(): void {
    this.count--;
    if (this.count > 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
