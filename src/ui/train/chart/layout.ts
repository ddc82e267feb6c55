import type { LinearScale } from './scale';
import { niceDomain, niceTicks } from './scale';
import { formatTick } from './text';
import type { ChartData } from './types';

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Ticks {
  values: number[];
  labels: string[];
}

/** Where everything goes for one drawing: the plot area, both scales and their ticks. */
export interface Frame {
  plot: Rect;
  x: LinearScale;
  y: LinearScale;
  xTicks: Ticks;
  yTicks: Ticks;
}

/** The x range before any point exists, so the empty axes already read as steps. */
const EMPTY_X: [number, number] = [0, 10];

function extent(data: ChartData, axis: 'x' | 'y'): [number, number] | null {
  let min = Infinity;
  let max = -Infinity;
  for (const { points } of data.series)
    for (const point of points) {
      if (point[axis] < min) min = point[axis];
      if (point[axis] > max) max = point[axis];
    }
  return min <= max ? [min, max] : null;
}

function ticks(values: number[], step: number): Ticks {
  return { values, labels: values.map((v) => formatTick(v, step)) };
}

/**
 * Lays a chart out in a `width` × `height` box (CSS pixels) for text of `fontPx`, measuring
 * labels with `measure`. Steps start at 0 and end at the last point; y fits the data (to
 * round numbers) unless the data fixes it; tick counts follow the room there is.
 */
export function frameOf(
  data: ChartData,
  width: number,
  height: number,
  fontPx: number,
  measure: (text: string) => number,
): Frame {
  const top = Math.ceil(fontPx * 0.75);
  const bottom = Math.ceil(fontPx * 2.8);
  const plotHeight = Math.max(1, height - top - bottom);
  const yCount = Math.max(2, Math.floor(plotHeight / (fontPx * 2.2)));
  const yExtent = extent(data, 'y');
  const yDomain: [number, number] = data.yDomain
    ? [data.yDomain[0], data.yDomain[1]]
    : yExtent
      ? niceDomain(yExtent[0], yExtent[1], yCount)
      : [0, 1];
  const yTickSet = niceTicks(yDomain[0], yDomain[1], yCount);
  const yTicks = ticks(yTickSet.values, yTickSet.step);

  const labelWidth = Math.max(0, ...yTicks.labels.map(measure));
  const left = Math.ceil(fontPx * 1.6 + labelWidth + fontPx * 0.5);
  const right = Math.ceil(fontPx * 1.2);
  const plotWidth = Math.max(1, width - left - right);

  const xMax = extent(data, 'x')?.[1] ?? 0;
  const xDomain: [number, number] = xMax > 0 ? [0, xMax] : EMPTY_X;
  const widest = measure(String(Math.round(xDomain[1]))) + fontPx * 2;
  const xTickSet = niceTicks(
    xDomain[0],
    xDomain[1],
    Math.max(2, Math.floor(plotWidth / widest)),
    true,
  );

  return {
    plot: { left, top, width: plotWidth, height: plotHeight },
    x: { domain: xDomain, range: [left, left + plotWidth] },
    y: { domain: yDomain, range: [top + plotHeight, top] },
    xTicks: ticks(xTickSet.values, xTickSet.step),
    yTicks,
  };
}
