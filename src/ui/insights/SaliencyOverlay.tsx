import { useMemo } from 'react';
import type { Rgba } from './pixels';
import { overlayHeat } from './pixels';
import { RgbaCanvas } from './RgbaCanvas';

interface Props {
  base: Rgba;
  map: Float32Array;
  mapHeight: number;
  mapWidth: number;
  opacity: number;
  scale: number;
  label: string;
  testId: string;
}

/** An importance map in heat colours over its image. */
export function SaliencyOverlay(props: Props) {
  const { base, map, mapHeight, mapWidth, opacity } = props;
  const image = useMemo(
    () => overlayHeat(base, map, mapHeight, mapWidth, opacity),
    [base, map, mapHeight, mapWidth, opacity],
  );
  return <RgbaCanvas image={image} scale={props.scale} label={props.label} testId={props.testId} />;
}
