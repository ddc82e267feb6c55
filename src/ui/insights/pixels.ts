/**
 * Pure pixel math for the insight panels: uint8 examples, float activations and saliency maps
 * turned into RGBA buffers that a canvas can show. No DOM here, so it is unit-tested in Node.
 */

/** An RGBA image: `data` holds width × height × 4 bytes, row-major. */
export interface Rgba {
  width: number;
  height: number;
  data: Uint8ClampedArray<ArrayBuffer>;
}

/** The `n`-th uint8 image of a batch of `[height, width, channels]` images, as RGBA. */
export function exampleToRgba(
  pixels: Uint8Array,
  shape: readonly [number, number, number],
  n = 0,
): Rgba {
  const [height, width, channels] = shape;
  const data = new Uint8ClampedArray(height * width * 4);
  const offset = n * height * width * channels;
  for (let p = 0; p < height * width; p++) {
    const base = offset + p * channels;
    const r = pixels[base] ?? 0;
    data[p * 4] = r;
    data[p * 4 + 1] = channels >= 3 ? (pixels[base + 1] ?? 0) : r;
    data[p * 4 + 2] = channels >= 3 ? (pixels[base + 2] ?? 0) : r;
    data[p * 4 + 3] = 255;
  }
  return { width, height, data };
}

/** Min and max of the values picked by `at(i)` for i < count; [0, 0] when count is 0. */
function range(count: number, at: (i: number) => number): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < count; i++) {
    const v = at(i);
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return count === 0 ? [0, 0] : [min, max];
}

/** Maps v from [min, max] to 0..255; a constant channel is drawn black rather than dividing by 0. */
function toByte(v: number, min: number, max: number): number {
  return max > min ? Math.round(((v - min) / (max - min)) * 255) : 0;
}

/** Pixel `p` of `out` as opaque gray `g`, written byte by byte (no array per pixel). */
function setGray(out: Uint8ClampedArray, p: number, g: number): void {
  out[p * 4] = g;
  out[p * 4 + 1] = g;
  out[p * 4 + 2] = g;
  out[p * 4 + 3] = 255;
}

/** A channels-last activation `[height, width, channels]` without its batch dimension. */
export interface Activation {
  data: Float32Array;
  height: number;
  width: number;
  channels: number;
}

/**
 * Draws one channel of `a` as gray into `out` (an image `outWidth` pixels wide) with its top
 * left at (x, y), normalised min–max within that channel so weak channels stay visible.
 */
function drawChannel(
  out: Uint8ClampedArray,
  outWidth: number,
  x: number,
  y: number,
  a: Activation,
  channel: number,
): void {
  const { data, height, width, channels } = a;
  const at = (p: number) => data[p * channels + channel] ?? 0;
  const [min, max] = range(height * width, at);
  for (let row = 0; row < height; row++) {
    const to = (y + row) * outWidth + x;
    for (let col = 0; col < width; col++) {
      setGray(out, to + col, toByte(at(row * width + col), min, max));
    }
  }
}

/** One channel of an activation as a grayscale image of its own. */
export function channelToRgba(a: Activation, channel: number): Rgba {
  const data = new Uint8ClampedArray(a.height * a.width * 4);
  drawChannel(data, a.width, 0, 0, a, channel);
  return { width: a.width, height: a.height, data };
}

/** Where tile `k` sits in an atlas of `columns` tiles of width × height with `gap` pixels between. */
export function tileOrigin(
  k: number,
  columns: number,
  width: number,
  height: number,
  gap: number,
): [x: number, y: number] {
  return [(k % columns) * (width + gap), Math.floor(k / columns) * (height + gap)];
}

/**
 * Every channel of an activation drawn straight into one image, `columns` to a row in order,
 * `gap` transparent pixels apart: one canvas and one buffer for a layer's channels instead of
 * a canvas and a buffer each.
 */
export function channelAtlas(a: Activation, columns: number, gap: number): Rgba {
  const { height: h, width: w, channels } = a;
  if (channels === 0 || h === 0 || w === 0) {
    return { width: 0, height: 0, data: new Uint8ClampedArray(0) };
  }
  const cols = Math.max(1, Math.min(columns, channels));
  const rows = Math.ceil(channels / cols);
  const width = cols * w + (cols - 1) * gap;
  const height = rows * h + (rows - 1) * gap;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let k = 0; k < channels; k++) {
    const [x, y] = tileOrigin(k, cols, w, h, gap);
    drawChannel(data, width, x, y, a, k);
  }
  return { width, height, data };
}

/** A dense layer's units as a 1-pixel-high grayscale strip, normalised min–max. */
export function valuesToStrip(values: Float32Array): Rgba {
  const [min, max] = range(values.length, (i) => values[i] ?? 0);
  const out = new Uint8ClampedArray(values.length * 4);
  values.forEach((v, i) => setGray(out, i, toByte(v, min, max)));
  return { width: values.length, height: 1, data: out };
}

/**
 * One filter of a conv kernel `[kh, kw, inChannels, filters]`: RGB when it reads three
 * channels, otherwise the mean over its input channels in grayscale; normalised per filter.
 */
export function filterToRgba(kernel: Float32Array, shape: readonly number[], filter: number): Rgba {
  const [kh = 0, kw = 0, inChannels = 1, filters = 1] = shape;
  const at = (p: number, c: number) => kernel[(p * inChannels + c) * filters + filter] ?? 0;
  const rgb = inChannels === 3;
  const value = (p: number, c: number) => {
    if (rgb) return at(p, c);
    let sum = 0;
    for (let k = 0; k < inChannels; k++) sum += at(p, k);
    return sum / inChannels;
  };
  const [min, max] = range(kh * kw * (rgb ? 3 : 1), (i) =>
    rgb ? value(Math.floor(i / 3), i % 3) : value(i, 0),
  );
  const out = new Uint8ClampedArray(kh * kw * 4);
  for (let p = 0; p < kh * kw; p++) {
    for (let c = 0; c < 3; c++) out[p * 4 + c] = toByte(value(p, rgb ? c : 0), min, max);
    out[p * 4 + 3] = 255;
  }
  return { width: kw, height: kh, data: out };
}

const HEAT_STOPS: readonly (readonly [number, number, number])[] = [
  [0, 0, 255],
  [0, 255, 255],
  [0, 255, 0],
  [255, 255, 0],
  [255, 0, 0],
];

/** The heat colormap: 0 is blue, then cyan, green, yellow, and 1 is red. Clamped to [0, 1]. */
export function heatColor(v: number): [number, number, number] {
  const t = Math.min(1, Math.max(0, Number.isFinite(v) ? v : 0)) * (HEAT_STOPS.length - 1);
  const i = Math.min(HEAT_STOPS.length - 2, Math.floor(t));
  const f = t - i;
  const a = HEAT_STOPS[i]!;
  const b = HEAT_STOPS[i + 1]!;
  return [0, 1, 2].map((c) => Math.round(a[c]! + (b[c]! - a[c]!) * f)) as [number, number, number];
}

/**
 * The heat colours of an importance map `[mapHeight, mapWidth]` in [0, 1] blended over `base`
 * with the given opacity. A map of another size is sampled nearest-neighbour.
 */
export function overlayHeat(
  base: Rgba,
  map: Float32Array,
  mapHeight: number,
  mapWidth: number,
  opacity: number,
): Rgba {
  const { width, height } = base;
  const alpha = Math.min(1, Math.max(0, opacity));
  const out = new Uint8ClampedArray(base.data.length);
  for (let y = 0; y < height; y++) {
    const my = Math.min(mapHeight - 1, Math.floor((y * mapHeight) / height));
    for (let x = 0; x < width; x++) {
      const mx = Math.min(mapWidth - 1, Math.floor((x * mapWidth) / width));
      const heat = heatColor(map[my * mapWidth + mx] ?? 0);
      const p = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) {
        out[p + c] = Math.round((base.data[p + c] ?? 0) * (1 - alpha) + heat[c]! * alpha);
      }
      out[p + 3] = 255;
    }
  }
  return { width, height, data: out };
}

/** Background colour of a confusion-matrix cell: white for 0, full accent for the largest count. */
export function cellColour(count: number, max: number): string {
  const t = max > 0 ? count / max : 0;
  const mix = (from: number, to: number) => Math.round(from + (to - from) * t);
  return `rgb(${mix(255, 42)}, ${mix(255, 91)}, ${mix(255, 215)})`;
}
