/** A linear map from a data interval (domain) to a pixel interval (range). */
export interface LinearScale {
  domain: readonly [number, number];
  range: readonly [number, number];
}

/** Where a data value lands in pixels. A zero-width domain maps to the range's middle. */
export function project(scale: LinearScale, value: number): number {
  const [d0, d1] = scale.domain;
  const [r0, r1] = scale.range;
  if (d1 === d0) return (r0 + r1) / 2;
  return r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
}

/** The data value at a pixel position. */
export function invert(scale: LinearScale, pixel: number): number {
  const [d0, d1] = scale.domain;
  const [r0, r1] = scale.range;
  if (r1 === r0) return d0;
  return d0 + ((pixel - r0) / (r1 - r0)) * (d1 - d0);
}

/** Rounds away binary noise such as 0.30000000000000004. */
const clean = (value: number): number => Number(value.toPrecision(12));

/** A round step (1, 2 or 5 × a power of ten) that cuts `span` into about `count` parts. */
export function tickStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const ratio = raw / power;
  const factor =
    ratio >= Math.sqrt(50) ? 10 : ratio >= Math.sqrt(10) ? 5 : ratio >= Math.sqrt(2) ? 2 : 1;
  return factor * power;
}

/** Round tick values inside [min, max], about `count` of them; whole numbers when `integer`. */
export function niceTicks(
  min: number,
  max: number,
  count: number,
  integer = false,
): { values: number[]; step: number } {
  if (!(max > min) || !Number.isFinite(max - min)) return { values: [min], step: 0 };
  const step = integer ? Math.max(1, tickStep(max - min, count)) : tickStep(max - min, count);
  const first = Math.ceil(clean(min / step));
  const last = Math.floor(clean(max / step));
  const values: number[] = [];
  for (let i = first; i <= last; i++) values.push(clean(i * step));
  return { values, step };
}

/**
 * The smallest range of round numbers around [min, max], so the end ticks sit on the axis
 * ends. A single value (a constant learning rate) gets a margin of 10 % around it.
 */
export function niceDomain(min: number, max: number, count: number): [number, number] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (max === min) {
    const pad = Math.abs(min) * 0.1 || 1;
    return niceDomain(min - pad, max + pad, count);
  }
  // Widening can change the step that fits the range, so round again until it settles.
  let [low, high] = [min, max];
  let previous = Number.NaN;
  for (let i = 0; i < 10; i++) {
    const step = tickStep(high - low, count);
    if (step === previous) break;
    [low, high] = [
      clean(Math.floor(clean(low / step)) * step),
      clean(Math.ceil(clean(high / step)) * step),
    ];
    previous = step;
  }
  return [low, high];
}
