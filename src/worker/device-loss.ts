import * as tf from '@tensorflow/tfjs';
import type { Backend } from '../shared/backend';
import { lossOf } from './resume-plan';

/** The device under a run was lost: a WebGL context (a driver reset) or a WebGPU device. */
export class DeviceLostError extends Error {
  constructor(
    readonly backend: Backend,
    detail: string,
  ) {
    super(detail ? `${lossOf(backend)} (${detail})` : lossOf(backend));
    this.name = 'DeviceLostError';
  }
}

/** How long a failed WebGPU run waits for its device to report that it was lost. */
const LOSS_GRACE_MS = 2000;

/** The parts of tfjs' WebGL backend the watch reads: its context, and the fences it polls. */
interface WebGLInternals {
  gpgpu?: { gl?: WebGL2RenderingContext; itemsToPoll?: unknown[] };
}

/** The part of tfjs' WebGPU backend the watch reads. */
interface WebGPUInternals {
  device?: GPUDevice;
}

/**
 * Watches the device of the active backend for loss, from the moment the backend starts. tfjs
 * itself does not notice: after a WebGL context is lost every readback waits forever (its
 * fences never pass), so training hangs rather than failing. The WebGL canvas fires
 * `webglcontextlost` and a WebGPU device settles `lost`; the watch turns either into a
 * `DeviceLostError`: a run's `race` rejects with it, and a loss while no run races is passed to
 * `onLoss`.
 */
export class DeviceWatch {
  private detail: string | null = null;
  private wake: ((error: DeviceLostError) => void) | null = null;
  private letGo = false;
  private readonly gl: WebGL2RenderingContext | undefined;
  /** Settles once a WebGPU device is lost; never for the other backends. */
  private readonly deviceLost: Promise<unknown> = new Promise(() => {});
  private readonly detach: () => void;

  /**
   * `internals` is tfjs' backend object (given by tests); `onLoss` hears a loss that happens
   * while no run races, once.
   */
  constructor(
    readonly backend: Backend,
    private readonly onLoss: (lost: DeviceLostError) => void = () => {},
    internals: unknown = tf.findBackend(backend),
  ) {
    if (backend === 'webgl') {
      const gl = (internals as WebGLInternals | null)?.gpgpu?.gl;
      this.gl = gl;
      const canvas = gl?.canvas;
      const onLost = () => this.lose('');
      canvas?.addEventListener('webglcontextlost', onLost);
      this.detach = () => canvas?.removeEventListener('webglcontextlost', onLost);
      return;
    }
    let watching = true;
    this.detach = () => (watching = false);
    const device = backend === 'webgpu' ? (internals as WebGPUInternals | null)?.device : undefined;
    if (device) {
      this.deviceLost = device.lost.then((info) => {
        if (watching) this.lose(info.message || info.reason);
      });
    }
  }

  /** True once the device is gone, whether or not its event has arrived yet. */
  get lost(): boolean {
    return this.detail !== null || this.gl?.isContextLost() === true;
  }

  /** True once the loss was dealt with: the watch let go of the device (see `abandon`). */
  get abandoned(): boolean {
    return this.letGo;
  }

  private lose(detail: string): void {
    if (this.detail !== null) return;
    this.detail = detail;
    if (this.wake) this.wake(this.error());
    else if (!this.letGo) this.onLoss(this.error());
  }

  /** The loss as an error: what was lost, with the browser's detail when it gave one. */
  error(): DeviceLostError {
    return new DeviceLostError(this.backend, this.detail ?? '');
  }

  /**
   * Settles as `work` does, unless the device is lost first or meanwhile: then rejects with a
   * `DeviceLostError`, also when `work` failed or finished with numbers read from a lost
   * context (errors, NaN), since none of them can be trusted.
   */
  async race<T>(work: Promise<T>): Promise<T> {
    const lost = new Promise<never>((_, reject) => {
      this.wake = reject;
      if (this.lost) reject(this.error());
    });
    try {
      const result = await Promise.race([work, lost]);
      if (this.lost) throw this.error();
      return result;
    } catch (error) {
      throw (await this.lostAfterFailure()) ? this.error() : error;
    } finally {
      this.wake = null;
      lost.catch(() => {});
    }
  }

  /**
   * True when a failure came from a lost device. A destroyed WebGPU device fails the pending
   * readbacks ("Buffer was unmapped before mapping was resolved") before it settles `lost`, so
   * the watch waits a moment for it; a lost WebGL context says so at once.
   */
  private async lostAfterFailure(): Promise<boolean> {
    if (this.lost || this.backend !== 'webgpu') return this.lost;
    const grace = new Promise((resolve) => setTimeout(resolve, LOSS_GRACE_MS));
    await Promise.race([this.deviceLost, grace]);
    return this.lost;
  }

  /**
   * Lets go of a lost device: stops listening, and empties tfjs' list of WebGL fences to poll,
   * which would otherwise be polled every few milliseconds for ever.
   */
  abandon(): void {
    this.letGo = true;
    this.release();
    const internals = tf.findBackend(this.backend) as WebGLInternals | null;
    if (this.backend === 'webgl' && internals?.gpgpu?.itemsToPoll) {
      internals.gpgpu.itemsToPoll.length = 0;
    }
  }

  /** Stops watching. */
  release(): void {
    this.detach();
  }
}
