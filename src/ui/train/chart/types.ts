/** One point of a curve: x is the step, y the measured value. */
export interface XY {
  x: number;
  y: number;
}

/** One named curve with its colour; points are sorted by x. */
export interface ChartSeries {
  name: string;
  color: string;
  points: readonly XY[];
  /** Sparse series (one point per epoch) are drawn with a dot on each point. */
  dots?: boolean;
}

/** A vertical line across the plot at step `x`, with a short label. */
export interface ChartMark {
  x: number;
  label: string;
  color: string;
}

/** Everything one chart draws. */
export interface ChartData {
  series: readonly ChartSeries[];
  marks?: readonly ChartMark[];
  xLabel: string;
  yLabel: string;
  /** A fixed y range (accuracy is always 0–1); without it the range fits the data. */
  yDomain?: readonly [number, number];
}

/** Where a chart reads its data from, and hears that it changed (it then rereads it). */
export interface ChartSource {
  subscribe(listener: () => void): () => void;
  read(): ChartData;
}
