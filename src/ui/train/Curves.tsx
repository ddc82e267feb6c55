import { useEffect, useRef, useState } from 'react';
import { metricsBuffer } from './metrics-buffer';
import { curveOf } from './curve-data';

/** Redraws re-embed a Vega view, so they are spaced out whatever the metric rate. */
const REDRAW_MS = 1000;

type Vis = typeof import('@tensorflow/tfjs-vis'); // eslint-disable-line @typescript-eslint/consistent-type-imports -- a type-only import would still load the module eagerly in tests

async function draw(vis: Vis, loss: HTMLElement, accuracy: HTMLElement): Promise<void> {
  const points = metricsBuffer.all();
  for (const [element, measure] of [
    [loss, 'loss'],
    [accuracy, 'accuracy'],
  ] as const) {
    const { train, validation } = curveOf(points, measure);
    // Drawn even when empty: the axes show where the curves will appear, and the first
    // canvas is created before training keeps the GPU busy.
    const values = validation.length > 0 ? [train, validation] : [train];
    const series = validation.length > 0 ? ['train', 'validation'] : ['train'];
    element.dataset.points = String(train.length + validation.length);
    // scatterplot, not linechart: linechart plots by array index, which would misplace the
    // validation points that come once per epoch rather than once per window.
    await vis.render.scatterplot(
      element,
      { values, series },
      {
        xLabel: 'step',
        yLabel: measure,
        width: element.clientWidth || 480,
        height: 220,
        seriesColors: validation.length > 0 ? ['#2a5bd7', '#e8710a'] : ['#2a5bd7'],
        ...(measure === 'accuracy' ? { yAxisDomain: [0, 1] } : { zoomToFit: true }),
      },
    );
  }
}

/** Live loss and accuracy curves, train and validation, drawn with tfjs-vis. */
export function Curves() {
  const lossRef = useRef<HTMLDivElement>(null);
  const accuracyRef = useRef<HTMLDivElement>(null);
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
      if (disposed || drawing || !loss || !accuracy) return;
      drawing = true;
      try {
        // Loaded on first use: tfjs-vis is large and only this panel needs it.
        vis ??= await import('@tensorflow/tfjs-vis');
        const version = metricsBuffer.version;
        if (version !== drawnVersion && !disposed) {
          await draw(vis, loss, accuracy);
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
    </div>
  );
}
