/** Counts tasks under way, and tells when none is. */
export class InFlight {
  private count = 0;
  private waiters: (() => void)[] = [];

  /** Runs `task`, counted as under way until it settles. */
  async track<T>(task: () => Promise<T>): Promise<T> {
    this.count++;
    try {
      return await task();
    } finally {
      this.count--;
      if (this.count === 0) {
        const waiters = this.waiters;
        this.waiters = [];
        for (const wake of waiters) wake();
      }
    }
  }

  /** Resolves at once when nothing is under way, else when the last task under way settles. */
  idle(): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}
