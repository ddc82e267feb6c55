/**
 * The 2D context of a canvas the page fills with pixels it computed (putImageData). Chromium
 * keeps a canvas that asks for `willReadFrequently` in memory instead of on the GPU, so a write
 * is a copy on the page's thread; on a GPU-backed canvas each write is a round trip to the GPU
 * process, which waits behind whatever training has queued there (docs/performance.md).
 */
export function pixelContext(canvas: HTMLCanvasElement | null): CanvasRenderingContext2D | null {
  return canvas?.getContext('2d', { willReadFrequently: true }) ?? null;
}
