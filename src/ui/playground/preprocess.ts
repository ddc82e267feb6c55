/**
 * Turns an image the user supplied (drawn, dropped, pasted, from the webcam) into the uint8
 * pixels the network was trained on: the dataset's height × width, channels-last, grayscale
 * when the dataset has one channel. The worker then scales by 1/255 exactly as in training.
 */

/** RGBA bytes as `ImageData` holds them (not premultiplied), row-major. */
export interface RgbaImage {
  data: Uint8ClampedArray | Uint8Array;
  width: number;
  height: number;
}

/** Height, width, channels of one example. */
export type InputShape = readonly [number, number, number];

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Rec. 601 luma, the weights of most grayscale conversions (PIL's `convert('L')` among them). */
const LUMA = [0.299, 0.587, 0.114] as const;

/**
 * The image as `channels` float planes-interleaved values in [0, 255]: luma for one channel,
 * RGB for three. Transparent pixels count as black (composited over black), the MNIST
 * background, so a drawing with a transparent background reads as ink on black.
 */
function toChannels(image: RgbaImage, channels: number): Float32Array {
  const { data, width, height } = image;
  const out = new Float32Array(width * height * channels);
  for (let i = 0; i < width * height; i++) {
    const alpha = (data[i * 4 + 3] ?? 255) / 255;
    const r = (data[i * 4] ?? 0) * alpha;
    const g = (data[i * 4 + 1] ?? 0) * alpha;
    const b = (data[i * 4 + 2] ?? 0) * alpha;
    if (channels === 1) out[i] = LUMA[0] * r + LUMA[1] * g + LUMA[2] * b;
    else {
      out[i * channels] = r;
      out[i * channels + 1] = g;
      out[i * channels + 2] = b;
    }
  }
  return out;
}

/**
 * Area-averaging resize of `rect` of `source` (width `sw`, interleaved `channels`) to
 * `dw` × `dh`: each target pixel is the mean of the source area it covers, with fractional
 * overlaps weighted, so thin strokes fade instead of vanishing as nearest-neighbour would.
 */
export function areaResize(
  source: Float32Array,
  sw: number,
  channels: number,
  rect: Rect,
  dw: number,
  dh: number,
): Float32Array {
  const out = new Float32Array(dw * dh * channels);
  const sx = rect.width / dw;
  const sy = rect.height / dh;
  for (let ty = 0; ty < dh; ty++) {
    const y0 = rect.y + ty * sy;
    const y1 = y0 + sy;
    for (let tx = 0; tx < dw; tx++) {
      const x0 = rect.x + tx * sx;
      const x1 = x0 + sx;
      const sums = new Float64Array(channels);
      let area = 0;
      for (let y = Math.floor(y0); y < Math.ceil(y1); y++) {
        const wy = Math.min(y + 1, y1) - Math.max(y, y0);
        for (let x = Math.floor(x0); x < Math.ceil(x1); x++) {
          const w = wy * (Math.min(x + 1, x1) - Math.max(x, x0));
          if (w <= 0) continue;
          const at = (y * sw + x) * channels;
          for (let c = 0; c < channels; c++) sums[c] = (sums[c] ?? 0) + w * (source[at + c] ?? 0);
          area += w;
        }
      }
      for (let c = 0; c < channels; c++)
        out[(ty * dw + tx) * channels + c] = area > 0 ? (sums[c] ?? 0) / area : 0;
    }
  }
  return out;
}

function toUint8(values: Float32Array): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++)
    out[i] = Math.min(255, Math.max(0, Math.round(values[i] ?? 0)));
  return out;
}

/**
 * Any image → the network's input: the whole image resized (area-averaged) to the input's
 * height × width, grayscale (luma) when it has one channel, rounded to uint8.
 */
export function toInputPixels(image: RgbaImage, shape: InputShape): Uint8Array {
  const [h, w, channels] = shape;
  const values = toChannels(image, channels);
  const rect = { x: 0, y: 0, width: image.width, height: image.height };
  return toUint8(areaResize(values, image.width, channels, rect, w, h));
}

/** Luma above this (of 255) counts as ink when looking for a drawing's bounding box. */
const INK = 16;

/**
 * A drawing → MNIST-style digit, as the MNIST set itself was made: the ink's bounding box is
 * scaled (aspect kept, area-averaged) so its longer side fills 20/28 of the input, then
 * placed so its centre of mass sits at the centre of the input. A blank pad gives zeros.
 * Grayscale only: drawing is offered for one-channel datasets.
 */
export function fitDrawing(image: RgbaImage, shape: InputShape): Uint8Array {
  const [h, w] = shape;
  const luma = toChannels(image, 1);
  let left = image.width;
  let top = image.height;
  let right = -1;
  let bottom = -1;
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++)
      if ((luma[y * image.width + x] ?? 0) > INK) {
        left = Math.min(left, x);
        right = Math.max(right, x);
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
  const out = new Uint8Array(h * w);
  if (right < 0) return out;

  const box = { x: left, y: top, width: right - left + 1, height: bottom - top + 1 };
  const scale = (Math.min(h, w) * (20 / 28)) / Math.max(box.width, box.height);
  const bw = Math.max(1, Math.round(box.width * scale));
  const bh = Math.max(1, Math.round(box.height * scale));
  const digit = areaResize(luma, image.width, 1, box, bw, bh);

  let mass = 0;
  let mx = 0;
  let my = 0;
  for (let y = 0; y < bh; y++)
    for (let x = 0; x < bw; x++) {
      const v = digit[y * bw + x] ?? 0;
      mass += v;
      mx += v * x;
      my += v * y;
    }
  // Centre of mass of pixel centres; clamped so the whole box stays inside the input.
  const cx = mass > 0 ? mx / mass + 0.5 : bw / 2;
  const cy = mass > 0 ? my / mass + 0.5 : bh / 2;
  const ox = Math.min(w - bw, Math.max(0, Math.round(w / 2 - cx)));
  const oy = Math.min(h - bh, Math.max(0, Math.round(h / 2 - cy)));
  for (let y = 0; y < bh; y++)
    for (let x = 0; x < bw; x++)
      out[(oy + y) * w + ox + x] = Math.min(255, Math.max(0, Math.round(digit[y * bw + x] ?? 0)));
  return out;
}

/** The `k` most probable classes, most probable first. */
export function topK(
  probabilities: ArrayLike<number>,
  classNames: readonly string[],
  k: number,
): { classIndex: number; name: string; p: number }[] {
  return Array.from(probabilities, (p, classIndex) => ({
    classIndex,
    name: classNames[classIndex] ?? String(classIndex),
    p,
  }))
    .sort((a, b) => b.p - a.p || a.classIndex - b.classIndex)
    .slice(0, Math.max(0, k));
}

/** Negative of uint8 pixels: dark ink on a light page becomes MNIST's light ink on black. */
export function invert(pixels: Uint8Array): Uint8Array {
  return pixels.map((v) => 255 - v);
}
