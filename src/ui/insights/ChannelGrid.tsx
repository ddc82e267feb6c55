import { useMemo, useState } from 'react';
import type { TensorData } from '../../shared/insights';
import { useElementWidth } from '../use-element-width';
import { channelToRgba, tileImages } from './pixels';
import { RgbaCanvas } from './RgbaCanvas';

interface Props {
  layerName: string;
  output: TensorData;
  onEnlarge: (channel: number) => void;
}

/** The widest a layer's grid of channels is drawn, in CSS pixels (less in a narrower column). */
const GRID_WIDTH = 420;
/** Transparent image pixels between two channels (scaled up with them). */
const GAP = 1;

/** Spatial size and channels of a channels-last output, batch dimension dropped. */
export function spatialShape(shape: number[]): [number, number, number] | null {
  if (shape.length < 3) return null;
  const [h = 0, w = 0, c = 0] = shape.slice(-3);
  return [h, w, c];
}

/**
 * How many channels of `width` image pixels, shown `scale` times larger, fit in a row of
 * `available` CSS pixels (at most GRID_WIDTH); at least one.
 */
export function gridColumns(
  channels: number,
  width: number,
  scale: number,
  available = GRID_WIDTH,
): number {
  const room = Math.min(available, GRID_WIDTH);
  const fit = Math.floor((room + GAP * scale) / ((width + GAP) * scale));
  return Math.max(1, Math.min(channels, fit));
}

/**
 * Every channel of a conv layer's output as a small grayscale image, all drawn on one canvas
 * (a deep network's layers have hundreds of channels; a canvas each made the page stutter
 * while a real GPU trained), with a button over each channel to enlarge it. The rows follow
 * the column's width.
 */
export function ChannelGrid({ layerName, output, onEnlarge }: Props) {
  const [h, w, c] = spatialShape(output.shape) ?? [0, 0, 0];
  const scale = Math.max(1, Math.round(40 / Math.max(h, 1)));
  const [frame, setFrame] = useState<HTMLDivElement | null>(null);
  const columns = gridColumns(c, w, scale, useElementWidth(frame, GRID_WIDTH));
  const channels = useMemo(
    () => Array.from({ length: c }, (_, k) => channelToRgba(output.data, h, w, c, k)),
    [output, h, w, c],
  );
  const atlas = useMemo(() => tileImages(channels, columns, GAP), [channels, columns]);
  return (
    <div className="channel-grid-frame" ref={setFrame} style={{ width: GRID_WIDTH }}>
      <div className="channel-grid">
        <RgbaCanvas
          image={atlas}
          scale={scale}
          label={`${layerName}: ${c} channels of ${h}×${w}`}
          testId="channel-atlas"
        />
        <div
          className="channel-buttons"
          style={{
            gridTemplateColumns: `repeat(${columns}, ${w * scale}px)`,
            gridAutoRows: `${h * scale}px`,
            gap: `${GAP * scale}px`,
          }}
        >
          {Array.from({ length: c }, (_, k) => (
            <button
              key={k}
              type="button"
              className="channel"
              onClick={() => onEnlarge(k)}
              aria-label={`Enlarge channel ${k + 1} of ${layerName}`}
              data-testid="feature-channel"
            />
          ))}
        </div>
      </div>
    </div>
  );
}
