import { useEffect, useRef } from 'react';
import type { Rgba } from './pixels';

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
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (!context || image.width === 0 || image.height === 0) return;
    const data = new ImageData(image.width, image.height);
    data.data.set(image.data);
    context.putImageData(data, 0, 0);
  }, [image]);
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
