import type { MetricPoint, Progress, WorkerEvent } from '../shared/protocol';

/**
 * Coalesces the worker's high-frequency events so the page receives a bounded number of
 * messages per second however fast training runs: metric points are batched, progress keeps
 * only its latest value. Every other event flushes what is pending first, keeping order.
 */
export class Outbox {
  private points: MetricPoint[] = [];
  private progress: Progress | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly send: (event: WorkerEvent) => void,
    private readonly intervalMs = 100,
  ) {}

  /** Sends an event in order, after anything coalesced before it. */
  post(event: WorkerEvent): void {
    switch (event.type) {
      case 'metrics':
        this.points.push(...event.points);
        this.schedule();
        return;
      case 'progress':
        this.progress = event.progress;
        this.schedule();
        return;
      default:
        this.flush();
        this.send(event);
    }
  }

  /** Sends whatever is pending now. */
  flush(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.points.length > 0) {
      this.send({ type: 'metrics', points: this.points });
      this.points = [];
    }
    if (this.progress) {
      this.send({ type: 'progress', progress: this.progress });
      this.progress = null;
    }
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.flush();
    }, this.intervalMs);
  }
}
