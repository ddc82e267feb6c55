/**
 * Examples per second over the time a run actually trains: pauses and validation passes are
 * left out, and the rate is cumulative, because pipelined readbacks resolve in bunches and
 * a per-window rate would swing wildly.
 */
export class Throughput {
  private activeMs = 0;
  private since: number | null;
  private examples = 0;

  constructor(private readonly now: () => number = () => performance.now()) {
    this.since = now();
  }

  /** Stops the clock (a pause, a validation pass). */
  hold(): void {
    if (this.since === null) return;
    this.activeMs += this.now() - this.since;
    this.since = null;
  }

  /** Restarts the clock. */
  go(): void {
    this.since ??= this.now();
  }

  /** Counts examples whose results have been read back. */
  add(examples: number): void {
    this.examples += examples;
  }

  perSecond(): number {
    const ms = this.activeMs + (this.since === null ? 0 : this.now() - this.since);
    return ms > 0 ? (this.examples * 1000) / ms : 0;
  }
}
