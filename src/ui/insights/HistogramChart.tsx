import { useEffect, useRef } from 'react';
import type { Histogram } from '../../shared/insights';

type Vis = typeof import('@tensorflow/tfjs-vis'); // eslint-disable-line @typescript-eslint/consistent-type-imports -- a type-only import would still load the module eagerly in tests

/** Charts are drawn one per task: each embeds a Vega view, and several at once would jank. */
let chain: Promise<unknown> = Promise.resolve();
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Bars of a histogram with their bin centres as labels. */
export function histogramBars(h: Histogram): { index: number; value: number }[] {
  const width = h.counts.length > 0 ? (h.max - h.min) / h.counts.length : 0;
  return h.counts.map((value, i) => ({
    index: Number((h.min + width * (i + 0.5)).toPrecision(3)),
    value,
  }));
}

/** A precomputed histogram drawn with tfjs-vis into its own element (never the visor). */
export function HistogramChart({ histogram, label }: { histogram: Histogram; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let cancelled = false;
    chain = chain
      .then(async () => {
        const element = ref.current;
        if (cancelled || !element) return;
        const vis: Vis = await import('@tensorflow/tfjs-vis');
        if (cancelled) return;
        await vis.render.barchart(element, histogramBars(histogram), {
          width: 260,
          height: 120,
          xLabel: 'value',
          yLabel: 'count',
        });
        await nextTask();
      })
      .catch((error: unknown) => console.warn('Histogram not drawn:', error));
    return () => {
      cancelled = true;
    };
  }, [histogram]);
  return (
    <div
      ref={ref}
      className="histogram"
      role="img"
      aria-label={`${label}: from ${histogram.min.toPrecision(3)} to ${histogram.max.toPrecision(3)} in ${histogram.counts.length} bins`}
      data-testid="histogram"
    />
  );
}
