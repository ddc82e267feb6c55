import { useMemo } from 'react';
import type { TensorData } from '../../shared/insights';
import { channelToRgba } from './pixels';
import { RgbaCanvas } from './RgbaCanvas';

interface Props {
  layerName: string;
  output: TensorData;
  onEnlarge: (channel: number) => void;
}

/** Spatial size and channels of a channels-last output, batch dimension dropped. */
export function spatialShape(shape: number[]): [number, number, number] | null {
  if (shape.length < 3) return null;
  const [h = 0, w = 0, c = 0] = shape.slice(-3);
  return [h, w, c];
}

/** Every channel of a conv layer's output as a small grayscale image; click one to enlarge it. */
export function ChannelGrid({ layerName, output, onEnlarge }: Props) {
  const [h, w, c] = spatialShape(output.shape) ?? [0, 0, 0];
  const images = useMemo(
    () => Array.from({ length: c }, (_, k) => channelToRgba(output.data, h, w, c, k)),
    [output, h, w, c],
  );
  const scale = Math.max(1, Math.round(40 / Math.max(h, 1)));
  return (
    <div className="channel-grid">
      {images.map((image, k) => (
        <button
          key={k}
          type="button"
          className="channel"
          onClick={() => onEnlarge(k)}
          aria-label={`Enlarge channel ${k + 1} of ${layerName}`}
        >
          <RgbaCanvas
            image={image}
            scale={scale}
            label={`${layerName} channel ${k + 1}, ${h}×${w}`}
            testId="feature-channel"
          />
        </button>
      ))}
    </div>
  );
}
