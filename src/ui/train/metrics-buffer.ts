import type { MetricPoint, RunMark } from '../../shared/protocol';

type Listener = () => void;

/**
 * The current run's metric points, outside React state: points arrive many times a second
 * and the curves redraw from here at their own bounded rate.
 */
export class MetricsBuffer {
  private points: MetricPoint[] = [];
  private previous: MetricPoint[] = [];
  private runMarks: RunMark[] = [];
  private listeners = new Set<Listener>();
  /** Bumped on every change, so a drawer can tell whether it is up to date. */
  version = 0;

  append(points: MetricPoint[]): void {
    this.points.push(...points);
    this.changed();
  }

  /**
   * Adds a moment of the current run to mark on its curves. A run resumed from a checkpoint
   * goes back to that step, so the points and marks it made after it are dropped: the curves go on
   * from the checkpoint.
   */
  mark(mark: RunMark): void {
    const kept = (at: { step: number }) => mark.kind !== 'resumed' || at.step <= mark.step;
    this.points = this.points.filter(kept);
    this.runMarks = [...this.runMarks.filter(kept), mark];
    this.changed();
  }

  /** Starts a new run; the last run's points are kept as the previous run, for comparison. */
  clear(): void {
    if (this.points.length > 0) this.previous = this.points;
    this.points = [];
    this.runMarks = [];
    this.changed();
  }

  /** Shows the runs of an opened project (or a run going on): its current run and the one before. */
  replace(
    points: readonly MetricPoint[],
    previous: readonly MetricPoint[],
    marks: readonly RunMark[] = [],
  ): void {
    this.points = [...points];
    this.previous = [...previous];
    this.runMarks = [...marks];
    this.changed();
  }

  all(): readonly MetricPoint[] {
    return this.points;
  }

  /** The current run's marks, in the order they happened. */
  marks(): readonly RunMark[] {
    return this.runMarks;
  }

  /** The points of the run before this one, or none. */
  previousRun(): readonly MetricPoint[] {
    return this.previous;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}

export const metricsBuffer = new MetricsBuffer();
