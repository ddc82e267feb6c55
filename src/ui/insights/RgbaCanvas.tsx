import type { Rgba } from './pixels';
import { useRgbaCanvas } from './use-rgba-canvas';

interface Props {
  image: Rgba;
  /** CSS pixels per image pixel. */
  scale: number;
  /** Text alternative for the image. */
  label: string;
  testId?: string;
  /** Displayed height in CSS pixels when it should not follow the scale (dense strips). */
  height?: number;
}

/** Puts an RGBA buffer on a canvas at its own resolution, scaled up without smoothing by CSS. */
export function RgbaCanvas({ image, scale, label, testId, height }: Props) {
  const ref = useRgbaCanvas(image);
  return (
    <canvas
      ref={ref}
      className="rgba-canvas"
      width={image.width}
      height={image.height}
      style={{ width: image.width * scale, height: height ?? image.height * scale }}
      role="img"
      aria-label={label}
      data-testid={testId}
    />
  );
}
