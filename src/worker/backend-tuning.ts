import * as tf from '@tensorflow/tfjs';
import type { Backend } from '../shared/backend';
import { replaceWebgpuConvolutions } from './kernels/webgpu-convolutions';
import { replaceWebglConvolutions } from './kernels/webgl-convolutions';

/** A renderer string that names a GPU emulated in software (Chromium's SwiftShader, Mesa's). */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software/i;

/**
 * WebGL on a software GPU: element-wise, array and reduction kernels unpacked, convolutions
 * still through packed im2col and matrix products. Every flag is named: tfjs derives the
 * `WEBGL_PACK_*`, `WEBGL_CONV_IM2COL` and `WEBGL_LAZILY_UNPACK` defaults from `WEBGL_PACK`
 * when it first reads each one and keeps that value, so without them the result would
 * depend on which kernels had already run (the backend's smoke test runs a convolution).
 */
const SOFTWARE_WEBGL: Record<string, boolean> = {
  WEBGL_PACK: false,
  WEBGL_PACK_BINARY_OPERATIONS: false,
  WEBGL_PACK_UNARY_OPERATIONS: false,
  WEBGL_PACK_ARRAY_OPERATIONS: false,
  WEBGL_PACK_REDUCE: false,
  WEBGL_PACK_CLIP: false,
  WEBGL_PACK_NORMALIZATION: false,
  WEBGL_PACK_IMAGE_OPERATIONS: false,
  WEBGL_PACK_DEPTHWISECONV: false,
  WEBGL_PACK_CONV2DTRANSPOSE: false,
  WEBGL_CONV_IM2COL: true,
  WEBGL_LAZILY_UNPACK: true,
};

/**
 * The tfjs flags the studio sets on `backend`, given the WebGL renderer's name.
 * On a software GPU, WebGL's packed element-wise kernels (four values per texel) cost more
 * than they save: the starter network trains about 1.8× faster with them off
 * (docs/performance.md). On a hardware GPU, where packing is what tfjs tunes for, tfjs's
 * defaults stay.
 */
export function tuningFor(backend: Backend, renderer: string): Record<string, boolean> {
  return isSoftwareWebgl(backend, renderer) ? SOFTWARE_WEBGL : {};
}

function isSoftwareWebgl(backend: Backend, renderer: string): boolean {
  return backend === 'webgl' && SOFTWARE_RENDERER.test(renderer);
}

/**
 * Whether the studio computes WebGPU's convolutions and their gradients directly
 * (kernels/webgpu-convolutions.ts), given the adapter's vendor and architecture
 * (Chromium's software adapter: "google", "swiftshader"). On a software GPU tfjs's tiled
 * ones cost most of a training step (docs/performance.md); on a hardware GPU tfjs's stay.
 */
export function computesWebgpuConvolutionsDirectly(adapter: string): boolean {
  return SOFTWARE_RENDERER.test(adapter);
}

/**
 * Whether training updates all the weights at once, joined in one vector (FlatOptimizer), on
 * `backend` (tfjs's name for it). Measured on the reference loop, software GPU, starter
 * network, tfjs's own per-weight update against the joined one (docs/performance.md):
 * WebGPU, where each of Adam's hundred-odd small kernels is a dispatch of its own, trains
 * about 13 % faster joined; WebGL is 10 % slower (its slices of the joined vector are views
 * the convolutions read at an offset) and level when they are copied; the CPU is level.
 */
export function joinsWeightUpdates(backend: string): boolean {
  return backend === 'webgpu';
}

/**
 * Whether a run compiles its first epoch end's programs after its first step (warm-epoch-end.ts).
 * WebGL compiles a program for every new shape, and the checkpoint, the feature maps and
 * Grad-CAM bring about forty of their own, which compiled between the second epoch's steps
 * (most of a second on a software GPU). WebGPU compiles a pipeline per program the first time
 * it runs one; with its convolutions computed directly (a step of about 170 ms on SwiftShader)
 * the warm-up raised A/B from 0.89 to 0.94 (docs/performance.md). The CPU compiles nothing.
 */
export function warmsEpochEnd(backend: string): boolean {
  return backend === 'webgl' || backend === 'webgpu';
}

/** The active WebGPU backend's adapter, as "vendor architecture", else ''. */
function webgpuAdapter(): string {
  const info = (tf.backend() as { adapterInfo?: { vendor?: string; architecture?: string } })
    .adapterInfo;
  return info ? `${info.vendor ?? ''} ${info.architecture ?? ''}`.trim() : '';
}

/** The active WebGL context's renderer, unmasked where the browser allows, else ''. */
function webglRenderer(): string {
  const gl = (tf.backend() as { gpgpu?: { gl?: WebGLRenderingContext } }).gpgpu?.gl;
  if (!gl) return '';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
}

/**
 * Sets the studio's flags for the backend that has just become active (tfjs's current one).
 * On a software GPU, WebGL also computes convolutions and their gradients the studio's
 * way, and WebGPU convolutions and their gradients (kernels/).
 */
export function tuneBackend(active: Backend): void {
  const renderer = active === 'webgl' ? webglRenderer() : '';
  for (const [flag, value] of Object.entries(tuningFor(active, renderer))) {
    tf.env().set(flag, value);
  }
  if (isSoftwareWebgl(active, renderer)) replaceWebglConvolutions();
  if (active === 'webgpu' && computesWebgpuConvolutionsDirectly(webgpuAdapter())) {
    replaceWebgpuConvolutions();
  }
}
