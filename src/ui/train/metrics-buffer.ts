import type { MetricPoint } from '../../shared/protocol';

type Listener = () => void;

/**
 * The current run's metric points, outside React state: points arrive many times a second
 * and the curves redraw from here at their own bounded rate.
 */
export class MetricsBuffer {
  private points: MetricPoint[] = [];
  private listeners = new Set<Listener>();
  /** Bumped on every change, so a drawer can tell whether it is up to date. */
  version = 0;

  append(points: MetricPoint[]): void {
    this.points.push(...points);
    this.changed();
  }

  clear(): void {
    this.points = [];
    this.changed();
  }

  all(): readonly MetricPoint[] {
    return this.points;
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
