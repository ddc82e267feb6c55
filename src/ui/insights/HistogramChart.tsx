import { useMemo } from 'react';
import type { Histogram } from '../../shared/insights';
import { histogramBars } from './histogram-bars';

const WIDTH = 260;
const HEIGHT = 120;
/** Room below the bars for the range's ends. */
const AXIS = 16;

const short = (value: number) => value.toPrecision(3);

/**
 * A precomputed histogram drawn as SVG bars; each bar's range and count is its tooltip. Drawn
 * by React rather than a charting library, so it needs no script evaluation at run time.
 */
export function HistogramChart({ histogram, label }: { histogram: Histogram; label: string }) {
  const bars = useMemo(() => histogramBars(histogram, WIDTH, HEIGHT), [histogram]);
  const peak = Math.max(0, ...histogram.counts);
  return (
    <svg
      className="histogram"
      width={WIDTH}
      height={HEIGHT + AXIS}
      viewBox={`0 0 ${WIDTH} ${HEIGHT + AXIS}`}
      role="img"
      aria-label={`${label}: from ${short(histogram.min)} to ${short(histogram.max)} in ${histogram.counts.length} bins, at most ${peak} per bin`}
      data-testid="histogram"
    >
      {bars.map((bar, i) => (
        <rect
          key={i}
          className="histogram-bar"
          x={bar.x}
          y={bar.y}
          width={Math.max(bar.width - 1, 1)}
          height={bar.height}
          data-count={bar.count}
        >
          <title>{bar.label}</title>
        </rect>
      ))}
      <line className="histogram-axis" x1={0} x2={WIDTH} y1={HEIGHT + 0.5} y2={HEIGHT + 0.5} />
      <text className="histogram-tick" x={0} y={HEIGHT + AXIS - 3}>
        {short(histogram.min)}
      </text>
      <text className="histogram-tick" x={WIDTH} y={HEIGHT + AXIS - 3} textAnchor="end">
        {short(histogram.max)}
      </text>
    </svg>
  );
}
