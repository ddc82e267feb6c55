import { useEffect, useRef } from 'react';
import { pixelContext } from '../pixel-canvas';
import type { InputShape } from './preprocess';

/** What the network sees: the preprocessed uint8 input, drawn pixel for pixel. */
export function InputPreview({ pixels, shape }: { pixels: Uint8Array; shape: InputShape }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [h, w, channels] = shape;
  useEffect(() => {
    const context = pixelContext(ref.current);
    if (!context) return;
    const image = context.createImageData(w, h);
    for (let i = 0; i < w * h; i++) {
      for (let c = 0; c < 3; c++)
        image.data[i * 4 + c] = pixels[i * channels + (channels === 1 ? 0 : c)] ?? 0;
      image.data[i * 4 + 3] = 255;
    }
    context.putImageData(image, 0, 0);
  }, [pixels, h, w, channels]);
  return (
    <figure className="input-preview">
      <canvas ref={ref} width={w} height={h} data-testid="playground-input" />
      <figcaption>
        What the network sees ({h}×{w})
      </figcaption>
    </figure>
  );
}
