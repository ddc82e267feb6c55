import type { Backend } from '../../shared/backend';
import { EVALUATION_BATCH_SIZE } from '../../shared/train-settings';

/** How often the page pings the worker, and how long a silence it takes for a stopped worker. */
export interface HeartbeatTiming {
  intervalMs: number;
  timeoutMs: number;
}

/**
 * The worker answers a ping whenever its event loop runs, which during training is after every
 * step or evaluation batch. What keeps it from answering is one long synchronous stretch of
 * work. On the GPU backends the longest is compiling shaders for a network's first step: 3.3 s
 * on WebGL and 5.7 s on WebGPU for the starter network on the 2-core software GPU
 * (docs/performance.md). Thirty seconds is five times the slowest of those, room for the larger
 * templates' extra programs on a machine busy with other work, while a stopped worker is still
 * reported within half a minute. On the CPU backend the kernels themselves run in the worker:
 * `silenceAllowanceMs` says how much longer it may be silent there.
 */
export const HEARTBEAT: HeartbeatTiming = { intervalMs: 2_000, timeoutMs: 30_000 };

/**
 * The slowest rate, in FLOP/s, at which the JavaScript CPU backend is taken to compute. On the
 * 2-core machine one training step of 64 digits ran at 44 MFLOP/s for the MobileNet template
 * (depthwise filters are its slowest kernels) and 100–110 MFLOP/s for Small ResNet and Small
 * VGG; a quarter of the slowest leaves room for a busier or slower machine.
 */
const CPU_FLOOR_FLOPS_PER_SECOND = 10e6;

/**
 * How long the worker may be silent for the network and batch size at hand. On the CPU
 * backend every kernel runs synchronously in the worker, so one training step (a forward and
 * a backward pass, about three forward passes) or one evaluation batch is one silence, and
 * for a large network it outlasts the timeout: Small ResNet's step of 64 digits takes 37 s on
 * the 2-core machine. On the GPU backends the kernels run elsewhere and the timeout stands.
 */
export function silenceAllowanceMs(
  backend: Backend | undefined,
  flopsPerExample: number,
  batchSize: number,
  timing: HeartbeatTiming = HEARTBEAT,
): number {
  if (backend !== 'cpu') return timing.timeoutMs;
  const examples = Math.max(3 * batchSize, EVALUATION_BATCH_SIZE);
  const ms = ((flopsPerExample * examples) / CPU_FLOOR_FLOPS_PER_SECOND) * 1000;
  return Math.max(timing.timeoutMs, Math.ceil(ms / 1000) * 1000);
}

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

  /**
   * Called about every `intervalMs`: 'ping' to ask the worker again, 'stopped' when it is gone.
   * A silence longer than the timeout is allowed up to `allowanceMs()`, asked only then.
   */
  tick(now: number, allowanceMs?: () => number): 'ping' | 'stopped' {
    const gap = now - this.lastTick;
    this.lastTick = now;
    if (gap > this.timing.timeoutMs) {
      this.lastHeard = now;
      return 'ping';
    }
    const silence = now - this.lastHeard;
    if (silence <= this.timing.timeoutMs) return 'ping';
    return silence > (allowanceMs?.() ?? this.timing.timeoutMs) ? 'stopped' : 'ping';
  }

  /** How long the worker has been silent. */
  silenceMs(now: number): number {
    return now - this.lastHeard;
  }
}
