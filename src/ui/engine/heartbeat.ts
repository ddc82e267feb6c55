/** How often the page pings the worker, and how long a silence it takes for a stopped worker. */
export interface HeartbeatTiming {
  intervalMs: number;
  timeoutMs: number;
}

/**
 * The worker answers a ping whenever its event loop runs, which during training is after every
 * step. What keeps it from answering is one long synchronous stretch of work, and the longest
 * the studio has is compiling shaders for a network's first step: 3.3 s on WebGL and 5.7 s on
 * WebGPU for the starter network on the 2-core software GPU (docs/performance.md). Thirty
 * seconds is five times the slowest of those, room for the larger templates' extra programs on
 * a machine busy with other work, while a stopped worker is still reported within half a minute.
 */
export const HEARTBEAT: HeartbeatTiming = { intervalMs: 2_000, timeoutMs: 30_000 };

/**
 * Decides, from the times it is told about, whether the worker is still there. Any message
 * from the worker counts as an answer. A gap between two ticks longer than the whole timeout
 * means the page itself was not running (a frozen background tab, a sleeping laptop), and
 * then the worker could not have answered either: the wait starts again instead. Shorter
 * stalls of the page (a busy machine, a canvas waiting on the software GPU) count as silence.
 */
export class Heartbeat {
  private lastHeard: number;
  private lastTick: number;

  constructor(
    now: number,
    private readonly timing: HeartbeatTiming = HEARTBEAT,
  ) {
    this.lastHeard = now;
    this.lastTick = now;
  }

  /** The worker sent something. */
  heard(now: number): void {
    this.lastHeard = Math.max(this.lastHeard, now);
  }

  /** Called about every `intervalMs`: 'ping' to ask the worker again, 'stopped' when it is gone. */
  tick(now: number): 'ping' | 'stopped' {
    const gap = now - this.lastTick;
    this.lastTick = now;
    if (gap > this.timing.timeoutMs) {
      this.lastHeard = now;
      return 'ping';
    }
    return now - this.lastHeard > this.timing.timeoutMs ? 'stopped' : 'ping';
  }
}
