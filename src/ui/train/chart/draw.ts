import { downsample } from './downsample';
import type { Frame } from './layout';
import { project } from './scale';
import type { ChartData, ChartSeries } from './types';

/** Type and ink of a chart, read from the page's CSS so presenter mode's large type applies. */
export interface ChartStyle {
  fontPx: number;
  fontFamily: string;
  ink: string;
}

const GRID = '#e3e6eb';
const AXIS = '#9aa1ad';

function drawAxes(ctx: CanvasRenderingContext2D, frame: Frame, data: ChartData, style: ChartStyle) {
  const { plot, x, y, xTicks, yTicks } = frame;
  const bottom = plot.top + plot.height;
  const right = plot.left + plot.width;
  const tick = style.fontPx * 0.35;

  ctx.lineWidth = 1;
  ctx.strokeStyle = GRID;
  ctx.beginPath();
  for (const value of yTicks.values) {
    const py = Math.round(project(y, value)) + 0.5;
    ctx.moveTo(plot.left, py);
    ctx.lineTo(right, py);
  }
  ctx.stroke();

  ctx.strokeStyle = AXIS;
  ctx.beginPath();
  ctx.moveTo(plot.left - 0.5, plot.top);
  ctx.lineTo(plot.left - 0.5, bottom + 0.5);
  ctx.lineTo(right, bottom + 0.5);
  for (const value of xTicks.values) {
    const px = Math.round(project(x, value)) + 0.5;
    ctx.moveTo(px, bottom);
    ctx.lineTo(px, bottom + tick);
  }
  ctx.stroke();

  ctx.fillStyle = style.ink;
  ctx.font = `${style.fontPx}px ${style.fontFamily}`;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  yTicks.values.forEach((value, i) => {
    ctx.fillText(yTicks.labels[i] ?? '', plot.left - tick - 2, project(y, value));
  });
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  xTicks.values.forEach((value, i) => {
    ctx.fillText(xTicks.labels[i] ?? '', project(x, value), bottom + tick + 2);
  });
  ctx.textBaseline = 'bottom';
  ctx.fillText(data.xLabel, plot.left + plot.width / 2, bottom + style.fontPx * 2.8);

  ctx.save();
  ctx.translate(0, plot.top + plot.height / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'top';
  ctx.fillText(data.yLabel, 0, 2);
  ctx.restore();
}

function drawSeries(ctx: CanvasRenderingContext2D, frame: Frame, series: ChartSeries, px: number) {
  const points = downsample(series.points, frame.x);
  ctx.strokeStyle = series.color;
  ctx.fillStyle = series.color;
  ctx.lineWidth = Math.max(1.5, px / 8);
  ctx.lineJoin = 'round';
  ctx.beginPath();
  points.forEach((point, i) => {
    const [cx, cy] = [project(frame.x, point.x), project(frame.y, point.y)];
    if (i === 0) ctx.moveTo(cx, cy);
    else ctx.lineTo(cx, cy);
  });
  ctx.stroke();
  if (!series.dots && points.length > 1) return;
  const radius = Math.max(2.5, px / 5);
  for (const point of points) {
    ctx.beginPath();
    ctx.arc(project(frame.x, point.x), project(frame.y, point.y), radius, 0, Math.PI * 2);
    ctx.fill();
  }
}

/** Dashed vertical lines at the marks, each labelled at the top of the plot. */
function drawMarks(
  ctx: CanvasRenderingContext2D,
  frame: Frame,
  data: ChartData,
  style: ChartStyle,
) {
  const { plot } = frame;
  ctx.save();
  ctx.setLineDash([4, 3]);
  ctx.lineWidth = 1;
  ctx.font = `${style.fontPx * 0.9}px ${style.fontFamily}`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  (data.marks ?? []).forEach((mark, i) => {
    const px = Math.round(project(frame.x, mark.x)) + 0.5;
    ctx.strokeStyle = ctx.fillStyle = mark.color;
    ctx.beginPath();
    ctx.moveTo(px, plot.top);
    ctx.lineTo(px, plot.top + plot.height);
    ctx.stroke();
    // Staggered, so marks close together keep readable labels.
    ctx.fillText(mark.label, px + 3, plot.top + 2 + (i % 3) * style.fontPx);
  });
  ctx.restore();
}

/**
 * Draws a whole chart on a canvas whose context is scaled to CSS pixels: grid, axes with
 * ticks and labels, then the series, the first-listed on top.
 */
export function drawChart(
  ctx: CanvasRenderingContext2D,
  frame: Frame,
  data: ChartData,
  style: ChartStyle,
): void {
  drawAxes(ctx, frame, data, style);
  const { plot } = frame;
  ctx.save();
  ctx.beginPath();
  // A little room beyond the plot area so dots on its edge stay round.
  const pad = style.fontPx / 2;
  ctx.rect(plot.left, plot.top - pad, plot.width + pad, plot.height + pad);
  ctx.clip();
  for (const series of [...data.series].reverse()) drawSeries(ctx, frame, series, style.fontPx);
  drawMarks(ctx, frame, data, style);
  ctx.restore();
}
