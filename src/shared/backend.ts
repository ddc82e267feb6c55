/**
 * The compute backends Layerwise can train on, best first. WebGL leads: measured in the same
 * runs, it trained tfjs 4.22's networks 3–5× faster than WebGPU on an NVIDIA H100 and on the
 * SwiftShader software GPU alike (docs/performance.md).
 */
export const BACKENDS = ['webgl', 'webgpu', 'cpu'] as const;

export type Backend = (typeof BACKENDS)[number];

/** Names as people read them, for badges and messages. */
export const BACKEND_LABELS: Record<Backend, string> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  cpu: 'CPU',
};

/** A backend that was tried and passed over, with the reason in plain words. */
export interface SkippedBackend {
  backend: Backend;
  reason: string;
}

export function isBackend(value: unknown): value is Backend {
  return typeof value === 'string' && (BACKENDS as readonly string[]).includes(value);
}

/** Reads `?backend=webgpu|webgl|cpu` from a query string; anything else means automatic. */
export function backendFromQuery(search: string): Backend | undefined {
  const value = new URLSearchParams(search).get('backend');
  return isBackend(value) ? value : undefined;
}

/** The order to try backends in: a forced one first, then the rest of the chain. */
export function backendOrder(forced?: Backend): Backend[] {
  return forced ? [forced, ...BACKENDS.filter((b) => b !== forced)] : [...BACKENDS];
}
