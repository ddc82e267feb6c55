import * as tf from '@tensorflow/tfjs';
import type { Backend, SkippedBackend } from '../shared/backend';
import { BACKEND_LABELS } from '../shared/backend';

/** Why a backend cannot run here, or null when it is ready. */
async function prepare(backend: Backend): Promise<string | null> {
  if (backend === 'webgpu') {
    // navigator.gpu exists in headless Chromium even when no adapter does, so ask for one.
    const gpu = (globalThis.navigator as Navigator | undefined)?.gpu;
    if (!gpu) return 'this browser has no WebGPU';
    const adapter = await gpu.requestAdapter().catch(() => null);
    if (!adapter) return 'no WebGPU adapter is available';
    // Loaded only now: the module is large and useless without an adapter.
    await import('@tensorflow/tfjs-backend-webgpu');
  }
  return null;
}

/** Runs one small convolution and reads it back, so broken drivers fail here, not mid-run. */
async function smokeTest(): Promise<void> {
  const out = tf.tidy(() =>
    tf
      .conv2d(tf.ones<tf.Rank.R4>([1, 4, 4, 1]), tf.ones<tf.Rank.R4>([3, 3, 1, 2]), 1, 'valid')
      .sum(),
  );
  const [value] = await out.data();
  out.dispose();
  if (value !== 2 * 2 * 2 * 9) throw new Error(`test convolution returned ${value}`);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Activates the first backend in `order` that initialises and passes a smoke test.
 * Returns the active one and why each earlier one was skipped.
 */
export async function activateBackend(
  order: Backend[],
): Promise<{ active: Backend; skipped: SkippedBackend[] }> {
  const skipped: SkippedBackend[] = [];
  for (const backend of order) {
    try {
      const notReady = await prepare(backend);
      if (notReady) {
        skipped.push({ backend, reason: notReady });
        continue;
      }
      if (!(await tf.setBackend(backend))) {
        skipped.push({ backend, reason: `${BACKEND_LABELS[backend]} failed to start` });
        continue;
      }
      await tf.ready();
      await smokeTest();
      return { active: backend, skipped };
    } catch (error) {
      skipped.push({ backend, reason: `${BACKEND_LABELS[backend]} failed: ${describe(error)}` });
    }
  }
  throw new Error(
    `No backend could start: ${skipped.map((s) => `${s.backend} (${s.reason})`).join('; ')}`,
  );
}
