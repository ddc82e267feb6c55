/**
 * Chromium flags shared by the end-to-end tests (playwright.config.ts) and the benchmark
 * (bench/), so both run the studio in the same browser setup.
 */

/** Quiet on a closed network: no first-run UI, background updates or QUIC. */
export const QUIET = [
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/** Software GPU: WebGL through SwiftShader. */
export const WEBGL = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

/** WebGPU on SwiftShader's adapter; without these `requestAdapter()` returns null. */
export const WEBGPU = [
  '--enable-unsafe-webgpu',
  '--use-webgpu-adapter=swiftshader',
  '--enable-features=Vulkan',
];
