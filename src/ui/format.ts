/** 0.9312 → "93.1%". */
export function formatPercent(fraction: number): string {
  return Number.isFinite(fraction) ? `${(fraction * 100).toFixed(1)}%` : '—';
}

/** A mean and spread of fractions: 0.912, 0.013 → "91.2% ± 1.3%". */
export function formatMeanSpread({ mean, std }: { mean: number; std: number }): string {
  return `${formatPercent(mean)} ± ${formatPercent(std)}`;
}

/** 44426 → "44,426". */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

export { formatBytes } from '../shared/format-bytes';
