import type { Rgba } from '../insights/pixels';
import { useRgbaCanvas } from '../insights/use-rgba-canvas';

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
  const ref = useRgbaCanvas(image);
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
