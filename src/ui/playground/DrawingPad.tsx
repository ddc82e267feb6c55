import { useEffect, useRef, useState } from 'react';
import type { InputShape } from './preprocess';
import { fitDrawing } from './preprocess';

/** The pad's own resolution: ten times MNIST's, so a stroke scales down like a pen's would. */
const SIZE = 280;
/** Thick enough that, fitted into 20×20, a stroke is about as wide as an MNIST pen stroke. */
const LINE_WIDTH = 22;

function paintBlack(c: CanvasRenderingContext2D): void {
  c.fillStyle = '#000';
  c.fillRect(0, 0, SIZE, SIZE);
}

/**
 * A black pad to draw on with a mouse, pen or finger. After each stroke it hands over the
 * drawing as the network's input (fitted and centred as MNIST digits are), or null when cleared.
 */
export function DrawingPad({
  shape,
  initial,
  onChange,
}: {
  shape: InputShape;
  /** A drawing to start from (the pad as it was when last seen). */
  initial: ImageData | null;
  /** The network's input and the pad's own pixels after each stroke; nulls when cleared. */
  onChange: (pixels: Uint8Array | null, pad: ImageData | null) => void;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  const inked = useRef(false);

  const context = () => ref.current?.getContext('2d', { willReadFrequently: true }) ?? null;

  const clear = () => {
    const c = context();
    if (c) paintBlack(c);
    inked.current = false;
  };

  const [start] = useState(initial);
  useEffect(() => {
    const c = ref.current?.getContext('2d', { willReadFrequently: true });
    if (!c) return;
    paintBlack(c);
    if (start) c.putImageData(start, 0, 0);
    inked.current = start !== null;
  }, [start]);

  const point = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return {
      x: ((event.clientX - rect.left) * SIZE) / rect.width,
      y: ((event.clientY - rect.top) * SIZE) / rect.height,
    };
  };

  const lineTo = (to: { x: number; y: number }) => {
    const c = context();
    const from = last.current ?? to;
    if (!c) return;
    c.strokeStyle = '#fff';
    c.lineWidth = LINE_WIDTH;
    c.lineCap = 'round';
    c.lineJoin = 'round';
    c.beginPath();
    c.moveTo(from.x, from.y);
    c.lineTo(to.x, to.y);
    c.stroke();
    last.current = to;
    inked.current = true;
  };

  const finish = () => {
    if (!last.current) return;
    last.current = null;
    const c = context();
    if (!c || !inked.current) return;
    const image = c.getImageData(0, 0, SIZE, SIZE);
    onChange(fitDrawing(image, shape), image);
  };

  return (
    <div className="drawing-pad">
      <canvas
        ref={ref}
        width={SIZE}
        height={SIZE}
        data-testid="drawing-pad"
        aria-label="Drawing pad: draw a digit with the mouse, a pen or a finger"
        role="img"
        onPointerDown={(event) => {
          if (event.button !== 0) return;
          event.currentTarget.setPointerCapture(event.pointerId);
          last.current = null;
          lineTo(point(event));
        }}
        onPointerMove={(event) => {
          if (last.current) lineTo(point(event));
        }}
        onPointerUp={finish}
        onPointerCancel={finish}
      />
      <button
        type="button"
        data-testid="clear-pad"
        onClick={() => {
          clear();
          onChange(null, null);
        }}
      >
        Clear
      </button>
    </div>
  );
}
