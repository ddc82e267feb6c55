import { useEffect, useRef } from 'react';
import { pixelContext } from '../pixel-canvas';
import type { Rgba } from './pixels';

/**
 * A canvas ref that shows `image` at its own resolution, redrawn when the image changes. A
 * null or empty image clears the canvas, so a reused canvas never shows a stale picture.
 */
export function useRgbaCanvas(image: Rgba | null) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = pixelContext(ref.current);
    if (!context) return;
    if (!image || image.width === 0 || image.height === 0) {
      context.clearRect(0, 0, context.canvas.width, context.canvas.height);
      return;
    }
    // Wraps the buffer rather than copying it: a layer's atlas can be hundreds of kilobytes.
    context.putImageData(new ImageData(image.data, image.width, image.height), 0, 0);
  }, [image]);
  return ref;
}
