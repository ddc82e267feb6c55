import type { Histogram } from '../../shared/insights';

/** One bar of a drawn histogram, in the chart's own units (0..width, 0..height, y down). */
export interface HistogramBar {
  x: number;
  y: number;
  width: number;
  height: number;
  count: number;
  /** The bin's range and count in words: the bar's tooltip. */
  label: string;
}

const format = (value: number) => Number(value.toPrecision(3)).toString();

/**
 * Lays out a histogram's bins as bars filling `width` × `height`, the tallest bar reaching the
 * top. An empty bin gets a bar of height 0, so every bin keeps its place and its tooltip.
 */
export function histogramBars(h: Histogram, width: number, height: number): HistogramBar[] {
  const bins = h.counts.length;
  const peak = Math.max(0, ...h.counts);
  const binWidth = bins > 0 ? (h.max - h.min) / bins : 0;
  return h.counts.map((count, i) => {
    const barHeight = peak > 0 ? (count / peak) * height : 0;
    const from = h.min + binWidth * i;
    return {
      x: (i * width) / bins,
      y: height - barHeight,
      width: width / bins,
      height: barHeight,
      count,
      label: `${format(from)} to ${format(from + binWidth)}: ${count}`,
    };
  });
}
