import * as tf from '@tensorflow/tfjs';

/**
 * Settles once the device has finished everything queued before the call. Never rejects: a
 * lost device leaves it pending, and the run's DeviceWatch ends the run instead.
 */
export type Fence = () => Promise<void>;

/**
 * The active backend's fence, or null where there is no queue to bound. WebGL has one (a fence
 * sync that tfjs polls). The CPU runs each kernel as it is called. WebGPU is left alone: tfjs
 * holds its commands until it submits a batch of them, and there the page kept 59 fps
 * (docs/performance.md, "Frames that wait for training").
 */
export function activeFence(): Fence | null {
  const gpgpu = (tf.backend() as { gpgpu?: { createAndWaitForFence?: () => Promise<void> } }).gpgpu;
  return gpgpu?.createAndWaitForFence?.bind(gpgpu) ?? null;
}

/** Finishes kept for a piece's time: enough to average over a poll that passes several. */
const STRETCH_KEPT = 9;

/**
 * How many pieces may be unfinished when the worker goes on to queue the next one, counting
 * the one just queued: with 1 the device works on that piece while the worker queues the next.
 */
export interface QueueLimits {
  /** Pieces the queue may always hold, however long each takes. */
  minDepth: number;
  /** Pieces it may hold at most, however quick each is. */
  maxDepth: number;
  /** Device time it may hold, in milliseconds, once a piece's time is known. */
  budgetMs: number;
}

/**
 * Keeps the device's queue short. The browser's compositor shares the GPU queue with the worker:
 * each frame the page draws waits for the work queued before it (on a software GPU, for all of
 * it). Training and evaluation could queue seconds of work between two readbacks, and a page
 * that drew then (the insights of an epoch end) froze for as long. Here each piece of work (a
 * training step, an evaluation batch) is followed by a fence, and the next piece waits while
 * more pieces are unfinished than `budgetMs` of device time allows, never fewer than
 * `minDepth`: enough that the device still has work while the worker queues the next piece.
 */
export class DeviceQueue {
  private readonly unfinished: Promise<void>[] = [];
  /**
   * When pieces finished since the device last ran out of work (the last few). Several fences
   * can pass in one poll, so a piece's time is an average over the stretch, not the time since
   * the piece before; and it is timed from finish to finish, since the device may start a
   * piece before the worker has finished queuing it.
   */
  private stretch: number[] = [];

  constructor(
    private readonly fence: Fence | null,
    private readonly limits: QueueLimits,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Pieces the queue may hold now. */
  get depth(): number {
    const { minDepth, maxDepth, budgetMs } = this.limits;
    const first = this.stretch[0] ?? 0;
    const pieces = this.stretch.filter((at) => at > first).length;
    const pieceMs = pieces > 0 ? (this.stretch.at(-1)! - first) / pieces : 0;
    if (!(pieceMs > 0)) return minDepth;
    return Math.max(minDepth, Math.min(maxDepth, Math.floor(budgetMs / pieceMs)));
  }

  /** Call once a piece of work is queued: waits until the queue has room for the next one. */
  async queued(): Promise<void> {
    if (!this.fence) return;
    const queuedAt = this.now();
    this.unfinished.push(this.fence().then(() => this.finished(queuedAt)));
    while (this.unfinished.length > this.depth) await this.unfinished.shift();
  }

  private finished(queuedAt: number): void {
    const lastFinish = this.stretch.at(-1);
    // Queued after the device had finished everything before it: a new stretch starts.
    if (lastFinish === undefined || queuedAt > lastFinish) this.stretch = [];
    this.stretch.push(this.now());
    if (this.stretch.length > STRETCH_KEPT) this.stretch.shift();
  }
}
