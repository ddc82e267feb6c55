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

/** 1536 → "1.5 KB", 3.2e6 → "3.1 MB": binary units, as memory is counted. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
