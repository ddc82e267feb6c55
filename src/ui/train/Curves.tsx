import { useEffect, useRef, useState } from 'react';
import { metricsBuffer } from './metrics-buffer';
import type { Measure } from './curve-data';
import { chartOf } from './curve-data';

/** Redraws re-embed a Vega view, so they are spaced out whatever the metric rate. */
const REDRAW_MS = 1000;

type Vis = typeof import('@tensorflow/tfjs-vis'); // eslint-disable-line @typescript-eslint/consistent-type-imports -- a type-only import would still load the module eagerly in tests

const LABELS: Record<Measure, string> = {
  loss: 'loss',
  accuracy: 'accuracy',
  learningRate: 'learning rate',
};

async function draw(vis: Vis, charts: [HTMLElement, Measure][]): Promise<void> {
  for (const [element, measure] of charts) {
    // Drawn even when empty: the axes show where the curves will appear, and the first
    // canvas is created before training keeps the GPU busy.
    const { names, values, colors } = chartOf(
      metricsBuffer.all(),
      metricsBuffer.previousRun(),
      measure,
    );
    element.dataset.points = String((values[0]?.length ?? 0) + (values[1]?.length ?? 0));
    element.dataset.series = names.join(',');
    // scatterplot, not linechart: linechart plots by array index, which would misplace the
    // validation points that come once per epoch rather than once per window.
    await vis.render.scatterplot(
      element,
      { values, series: names },
      {
        xLabel: 'step',
        yLabel: LABELS[measure],
        width: element.clientWidth || 480,
        height: measure === 'learningRate' ? 120 : 200,
        seriesColors: colors,
        ...(measure === 'accuracy' ? { yAxisDomain: [0, 1] } : { zoomToFit: true }),
      },
    );
  }
}

/**
 * Live loss, accuracy and learning-rate curves drawn with tfjs-vis: train and validation,
 * with the previous run's curves in paler colours for comparison.
 */
export function Curves() {
  const lossRef = useRef<HTMLDivElement>(null);
  const accuracyRef = useRef<HTMLDivElement>(null);
  const rateRef = useRef<HTMLDivElement>(null);
  const [empty, setEmpty] = useState(metricsBuffer.all().length === 0);

  useEffect(() => {
    let vis: Vis | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let drawing = false;
    let drawnVersion = -1;
    let disposed = false;

    const redraw = async () => {
      timer = null;
      const loss = lossRef.current;
      const accuracy = accuracyRef.current;
      const rate = rateRef.current;
      if (disposed || drawing || !loss || !accuracy || !rate) return;
      drawing = true;
      try {
        // Loaded on first use: tfjs-vis is large and only this panel needs it.
        vis ??= await import('@tensorflow/tfjs-vis');
        const version = metricsBuffer.version;
        if (version !== drawnVersion && !disposed) {
          await draw(vis, [
            [loss, 'loss'],
            [accuracy, 'accuracy'],
            [rate, 'learningRate'],
          ]);
          drawnVersion = version;
        }
      } finally {
        drawing = false;
      }
      if (metricsBuffer.version !== drawnVersion) schedule();
    };
    const schedule = () => {
      setEmpty(metricsBuffer.all().length === 0);
      timer ??= setTimeout(() => void redraw(), REDRAW_MS);
    };

    const unsubscribe = metricsBuffer.subscribe(schedule);
    void redraw();
    return () => {
      disposed = true;
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, []);

  return (
    <div className="curves">
      {empty && <p className="curves-empty">Press Train to see the loss and accuracy curves.</p>}
      <h3>Loss</h3>
      <div ref={lossRef} className="curve" data-testid="loss-curve" />
      <h3>Accuracy</h3>
      <div ref={accuracyRef} className="curve" data-testid="accuracy-curve" />
      <h3>Learning rate</h3>
      <div ref={rateRef} className="curve curve-small" data-testid="learning-rate-curve" />
    </div>
  );
}
