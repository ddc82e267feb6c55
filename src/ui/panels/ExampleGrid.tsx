import { useEffect, useRef } from 'react';
import { pixelContext } from '../pixel-canvas';

interface Props {
  pixels: Uint8Array;
  shape: [number, number, number];
  labels: number[];
  classNames: string[];
  scale?: number;
}

/** Draws uint8 example images onto one canvas, each captioned with its class. */
export function ExampleGrid({ pixels, shape, labels, classNames, scale = 2 }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [h, w, c] = shape;
  const columns = 20;
  const rows = Math.ceil(labels.length / columns);

  useEffect(() => {
    const context = pixelContext(canvasRef.current);
    if (!context) return;
    const image = context.createImageData(w, h);
    labels.forEach((_, n) => {
      for (let p = 0; p < h * w; p++) {
        const base = (n * h * w + p) * c;
        const r = pixels[base] ?? 0;
        image.data.set(
          [r, c === 3 ? (pixels[base + 1] ?? 0) : r, c === 3 ? (pixels[base + 2] ?? 0) : r, 255],
          p * 4,
        );
      }
      context.putImageData(image, (n % columns) * w, Math.floor(n / columns) * h);
    });
  }, [pixels, labels, h, w, c]);

  return (
    <canvas
      ref={canvasRef}
      className="example-grid"
      data-testid="example-grid"
      width={columns * w}
      height={rows * h}
      style={{ width: columns * w * scale, height: rows * h * scale }}
      role="img"
      aria-label={`${labels.length} example images of classes ${[...new Set(labels)].map((l) => classNames[l]).join(', ')}`}
    />
  );
}
