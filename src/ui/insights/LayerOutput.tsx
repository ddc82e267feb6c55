import { useMemo, useState } from 'react';
import type { TensorData } from '../../shared/insights';
import { activationOf, ChannelGrid } from './ChannelGrid';
import { channelToRgba, valuesToStrip } from './pixels';
import { RgbaCanvas } from './RgbaCanvas';

interface Props {
  layerId: string;
  name: string;
  output: TensorData;
}

/** One layer's output for one image: a channel grid for conv layers, a strip for dense ones. */
export function LayerOutput({ layerId, name, output }: Props) {
  const [enlarged, setEnlarged] = useState<number | null>(null);
  const spatial = useMemo(() => activationOf(output), [output]);
  const big = useMemo(
    () =>
      spatial && enlarged !== null && enlarged < spatial.channels
        ? channelToRgba(spatial, enlarged)
        : null,
    [spatial, enlarged],
  );
  const strip = useMemo(() => (spatial ? null : valuesToStrip(output.data)), [output, spatial]);
  return (
    <div className="layer-output" data-testid={`feature-layer-${layerId}`} data-layer={layerId}>
      <h5>
        {name} <span className="hint">{output.shape.filter((d) => d > 1).join('×')}</span>
      </h5>
      {spatial ? (
        <ChannelGrid layerName={name} activation={spatial} onEnlarge={setEnlarged} />
      ) : (
        strip && (
          <RgbaCanvas
            image={strip}
            scale={Math.max(1, Math.floor(320 / Math.max(strip.width, 1)))}
            height={16}
            label={`${name}: ${strip.width} unit activations as a strip, dark low, bright high`}
            testId="dense-strip"
          />
        )
      )}
      {big && enlarged !== null && (
        <div className="enlarged">
          <RgbaCanvas
            image={big}
            scale={Math.max(2, Math.round(200 / big.height))}
            label={`${name} channel ${enlarged + 1}, enlarged`}
            testId="enlarged-channel"
          />
          <button type="button" onClick={() => setEnlarged(null)}>
            Close
          </button>
        </div>
      )}
    </div>
  );
}
