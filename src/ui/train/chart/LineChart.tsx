import { useEffect, useId, useRef, useState } from 'react';
import type { ChartStyle } from './draw';
import { drawChart } from './draw';
import type { Frame } from './layout';
import { frameOf } from './layout';
import { readoutAt } from './nearest';
import { invert, project } from './scale';
import { readoutText, summaryOf } from './text';
import type { ChartData, ChartSource } from './types';
import './line-chart.css';

/** However fast points arrive, a chart redraws at most this often. */
const REDRAW_MS = 500;

interface LegendItem {
  name: string;
  color: string;
  dots: boolean;
}

const legendOf = (data: ChartData): LegendItem[] =>
  data.series.map(({ name, color, dots }) => ({ name, color, dots: dots ?? false }));

const sameLegend = (a: LegendItem[], b: LegendItem[]): boolean =>
  a.length === b.length && a.every((item, i) => item.name === b[i]?.name);

/** The marks in words, listed under the chart: "step 120: learning rate set to 0.01". */
const markTextsOf = (data: ChartData): string[] =>
  (data.marks ?? []).map((mark) => `step ${mark.x}: ${mark.label}`);

const sameTexts = (a: string[], b: string[]) =>
  a.length === b.length && a.every((text, i) => text === b[i]);

interface Props {
  source: ChartSource;
  /** Names the chart for screen readers and starts its summary ("Loss: train 0.31 at step 240"). */
  title: string;
  testId: string;
  small?: boolean;
}

/**
 * A canvas line chart that redraws from `source` at a bounded rate, sized to its container
 * and the screen's pixel density, with a legend, a hover readout and a text summary of the
 * latest values for screen readers.
 */
export function LineChart({ source, title, testId, small = false }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const guideRef = useRef<HTMLDivElement>(null);
  const readoutRef = useRef<HTMLDivElement>(null);
  const summaryId = useId();
  const [legend, setLegend] = useState(() => legendOf(source.read()));
  const [markTexts, setMarkTexts] = useState(() => markTextsOf(source.read()));

  useEffect(() => {
    const canvas = canvasRef.current;
    const summary = summaryRef.current;
    const guide = guideRef.current;
    const readout = readoutRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !summary || !guide || !readout || !ctx) return;
    let data = source.read();
    let frame: Frame | null = null;
    let pointerX: number | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let drawnAt = -Infinity;

    const showReadout = () => {
      const at =
        frame && pointerX !== null ? readoutAt(data.series, invert(frame.x, pointerX)) : null;
      guide.hidden = readout.hidden = !frame || !at;
      if (!frame || !at) return;
      guide.style.left = `${project(frame.x, at.x)}px`;
      guide.style.top = `${frame.plot.top}px`;
      guide.style.height = `${frame.plot.height}px`;
      readout.textContent = readoutText(at, data.xLabel);
    };

    const render = () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      drawnAt = performance.now();
      data = source.read();
      summary.textContent = summaryOf(title, data);
      const next = legendOf(data);
      setLegend((previous) => (sameLegend(previous, next) ? previous : next));
      const texts = markTextsOf(data);
      setMarkTexts((previous) => (sameTexts(previous, texts) ? previous : texts));
      const { clientWidth: width, clientHeight: height } = canvas;
      // A hidden panel has no size; the resize observer draws it when it shows again.
      if (width === 0 || height === 0) return;
      const dpr = window.devicePixelRatio || 1;
      const [pixelWidth, pixelHeight] = [Math.round(width * dpr), Math.round(height * dpr)];
      if (canvas.width !== pixelWidth) canvas.width = pixelWidth;
      if (canvas.height !== pixelHeight) canvas.height = pixelHeight;
      const css = getComputedStyle(canvas);
      const style: ChartStyle = {
        fontPx: parseFloat(css.fontSize) * 0.8,
        fontFamily: css.fontFamily,
        ink: css.color,
      };
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, width, height);
      ctx.font = `${style.fontPx}px ${style.fontFamily}`;
      frame = frameOf(data, width, height, style.fontPx, (text) => ctx.measureText(text).width);
      drawChart(ctx, frame, data, style);
      showReadout();
    };

    const schedule = () => {
      timer ??= setTimeout(render, Math.max(0, drawnAt + REDRAW_MS - performance.now()));
    };
    const onPointerMove = (event: PointerEvent) => {
      pointerX = event.offsetX;
      showReadout();
    };
    const onPointerLeave = () => {
      pointerX = null;
      showReadout();
    };

    // Drawn at once, even before the first point: the first canvas a page draws opens its
    // channel to the GPU process, which a software GPU busy training answers only after seconds.
    render();
    const unsubscribe = source.subscribe(schedule);
    const observer = new ResizeObserver(render);
    observer.observe(canvas);
    canvas.addEventListener('pointermove', onPointerMove);
    canvas.addEventListener('pointerleave', onPointerLeave);
    return () => {
      unsubscribe();
      observer.disconnect();
      if (timer !== null) clearTimeout(timer);
      canvas.removeEventListener('pointermove', onPointerMove);
      canvas.removeEventListener('pointerleave', onPointerLeave);
    };
  }, [source, title]);

  return (
    <div className={small ? 'line-chart small' : 'line-chart'} data-testid={testId}>
      <canvas
        ref={canvasRef}
        className="line-chart-canvas"
        role="img"
        aria-label={`${title} chart`}
        aria-describedby={summaryId}
      />
      <div ref={guideRef} className="line-chart-guide" hidden />
      <div ref={readoutRef} className="line-chart-readout" aria-hidden="true" hidden />
      <p
        ref={summaryRef}
        id={summaryId}
        className="visually-hidden"
        data-testid={`${testId}-summary`}
      />
      <ul className="line-chart-legend">
        {legend.map(({ name, color, dots }) => (
          <li key={name}>
            <span
              className={dots ? 'line-chart-swatch dots' : 'line-chart-swatch'}
              style={{ background: color }}
            />
            {name}
          </li>
        ))}
      </ul>
      {markTexts.length > 0 && (
        <ul className="line-chart-marks" data-testid={`${testId}-marks`}>
          {markTexts.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
