import type { Readout } from './nearest';
import type { ChartData } from './types';

/** A measured value in three significant digits: 0.312, 0.002, 1.5e-7. */
export function formatValue(value: number): string {
  return String(Number(value.toPrecision(3)));
}

/** A tick label with as many decimals as the tick step needs; tiny steps in exponent form. */
export function formatTick(value: number, step: number): string {
  if (value === 0) return '0';
  const decimals = step > 0 ? Math.max(0, -Math.floor(Math.log10(step) + 1e-9)) : 3;
  if (decimals > 4) return Number(value.toPrecision(3)).toExponential();
  return value.toFixed(decimals);
}

/**
 * The chart in words, for screen readers: each series' latest value and where it was
 * measured, e.g. "Loss: train 0.312 at step 240; validation 0.298 at step 200."
 */
export function summaryOf(title: string, data: ChartData): string {
  const parts: string[] = [];
  for (const { name, points } of data.series) {
    const last = points[points.length - 1];
    if (last) parts.push(`${name} ${formatValue(last.y)} at ${data.xLabel} ${last.x}`);
  }
  return parts.length > 0 ? `${title}: ${parts.join('; ')}.` : `${title}: no values yet.`;
}

/** A hover readout in one line: "step 240 · train 0.312 · validation 0.298 (step 200)". */
export function readoutText(readout: Readout, xLabel: string): string {
  const values = readout.values.map(({ name, point }) => {
    const where = point.x === readout.x ? '' : ` (${xLabel} ${point.x})`;
    return `${name} ${formatValue(point.y)}${where}`;
  });
  return [`${xLabel} ${readout.x}`, ...values].join(' · ');
}
