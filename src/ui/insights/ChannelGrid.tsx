import { memo, useMemo, useState } from 'react';
import type { TensorData } from '../../shared/insights';
import { useElementWidth } from '../use-element-width';
import { type Activation, channelAtlas } from './pixels';
import { RgbaCanvas } from './RgbaCanvas';

interface Props {
  layerName: string;
  /** Must keep its identity between renders, or every render redraws the atlas. */
  activation: Activation;
  /** Must keep its identity between renders, or every answer redraws all the buttons. */
  onEnlarge: (channel: number) => void;
}

/** The widest a layer's grid of channels is drawn, in CSS pixels (less in a narrower column). */
const GRID_WIDTH = 420;
/** Transparent image pixels between two channels (scaled up with them). */
const GAP = 1;

/** A channels-last output as height, width and channels, batch dimension dropped; null if flat. */
export function activationOf(output: TensorData): Activation | null {
  if (output.shape.length < 3) return null;
  const [height = 0, width = 0, channels = 0] = output.shape.slice(-3);
  return { data: output.data, height, width, channels };
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

interface ButtonsProps {
  layerName: string;
  channels: number;
  columns: number;
  /** One channel's size on screen, in CSS pixels. */
  tileWidth: number;
  tileHeight: number;
  gap: number;
  onEnlarge: (channel: number) => void;
}

/**
 * A clear button over each channel. Memoised on the layout alone: a new answer for the same
 * layer redraws the canvas, not its hundreds of buttons.
 */
const ChannelButtons = memo(function ChannelButtons(props: ButtonsProps) {
  const { layerName, channels, columns, tileWidth, tileHeight, gap, onEnlarge } = props;
  return (
    <div
      className="channel-buttons"
      style={{
        gridTemplateColumns: `repeat(${columns}, ${tileWidth}px)`,
        gridAutoRows: `${tileHeight}px`,
        gap: `${gap}px`,
      }}
    >
      {Array.from({ length: channels }, (_, k) => (
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
  );
});

/**
 * Every channel of a conv layer's output as a small grayscale image, all drawn on one canvas
 * (a deep network's layers have hundreds of channels; a canvas each made the page stutter
 * while a real GPU trained), with a button over each channel to enlarge it. The rows follow
 * the column's width.
 */
export function ChannelGrid({ layerName, activation, onEnlarge }: Props) {
  const { height: h, width: w, channels: c } = activation;
  const scale = Math.max(1, Math.round(40 / Math.max(h, 1)));
  const [frame, setFrame] = useState<HTMLDivElement | null>(null);
  const columns = gridColumns(c, w, scale, useElementWidth(frame, GRID_WIDTH));
  const atlas = useMemo(() => channelAtlas(activation, columns, GAP), [activation, columns]);
  return (
    <div className="channel-grid-frame" ref={setFrame} style={{ width: GRID_WIDTH }}>
      <div className="channel-grid">
        <RgbaCanvas
          image={atlas}
          scale={scale}
          label={`${layerName}: ${c} channels of ${h}×${w}`}
          testId="channel-atlas"
        />
        <ChannelButtons
          layerName={layerName}
          channels={c}
          columns={columns}
          tileWidth={w * scale}
          tileHeight={h * scale}
          gap={GAP * scale}
          onEnlarge={onEnlarge}
        />
      </div>
    </div>
  );
}
