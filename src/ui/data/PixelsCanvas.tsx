import { useEffect, useRef } from 'react';
import type { Rgba } from '../insights/pixels';

interface Props {
  /** Null draws nothing yet (the pixels are on their way). */
  image: Rgba | null;
  width: number;
  height: number;
  /** CSS pixels per image pixel. */
  scale: number;
  label: string;
  testId?: string;
  /** Changes with every new image, so tests and screen readers can tell a refresh happened. */
  version?: number;
}

/** A canvas showing an RGBA image at its own resolution, scaled up by CSS without smoothing. */
export function PixelsCanvas({ image, width, height, scale, label, testId, version }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (!context) return;
    if (!image || image.width === 0 || image.height === 0) {
      // A reused canvas must not keep showing the previous image while the next one loads.
      context.clearRect(0, 0, context.canvas.width, context.canvas.height);
      return;
    }
    const data = new ImageData(image.width, image.height);
    data.data.set(image.data);
    context.putImageData(data, 0, 0);
  }, [image]);
  return (
    <canvas
      ref={ref}
      className="pixels-canvas"
      width={width}
      height={height}
      style={{ width: width * scale, height: height * scale }}
      role="img"
      aria-label={label}
      data-testid={testId}
      data-version={version}
    />
  );
}
