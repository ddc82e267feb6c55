/** 0.9312 → "93.1%". */
export function formatPercent(fraction: number): string {
  return Number.isFinite(fraction) ? `${(fraction * 100).toFixed(1)}%` : '—';
}

/** 44426 → "44,426". */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
