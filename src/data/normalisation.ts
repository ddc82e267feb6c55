/**
 * How pixels (0–255) become the network's input: per-channel statistics of the train split,
 * and the one definition of the scale and offset that training, the playground and exported
 * models all use.
 */
import type { ChannelStats, Normalisation } from '../shared/dataset';

/** The smallest standard deviation used, so a constant channel does not blow up to infinity. */
export const MIN_STD = 1;

/**
 * Mean and population standard deviation of each channel, in pixel units (0–255), over the
 * examples at `indices`. The standard deviation is never below {@link MIN_STD}; with no
 * examples, the mean is 0 and the standard deviation 1 in every channel.
 *
 * @param shape height, width, channels of one example.
 */
export function channelStats(
  pixels: Uint8Array,
  shape: [number, number, number],
  indices: ArrayLike<number>,
): ChannelStats {
  const [height, width, channels] = shape;
  const perExample = height * width * channels;
  const sums = new Float64Array(channels);
  const squares = new Float64Array(channels);
  for (let n = 0; n < indices.length; n++) {
    const start = indices[n]! * perExample;
    if (start + perExample > pixels.length) {
      throw new Error(`example ${indices[n]} is beyond the ${pixels.length} pixel bytes`);
    }
    for (let c = 0; c < channels; c++) {
      // Integer sums of one example stay exact (at most 255² × pixels < 2⁵³).
      let sum = 0;
      let square = 0;
      for (let i = start + c; i < start + perExample; i += channels) {
        const value = pixels[i]!;
        sum += value;
        square += value * value;
      }
      sums[c]! += sum;
      squares[c]! += square;
    }
  }
  const count = indices.length * height * width;
  const mean: number[] = [];
  const std: number[] = [];
  for (let c = 0; c < channels; c++) {
    const m = count > 0 ? sums[c]! / count : 0;
    // Rounding can leave a tiny negative variance for constant data.
    const variance = count > 0 ? Math.max(0, squares[c]! / count - m * m) : 1;
    mean.push(m);
    std.push(Math.max(MIN_STD, Math.sqrt(variance)));
  }
  return { mean, std };
}

/** Per-channel factors such that `input = pixel * scale + offset`. */
export interface NormaliseParams {
  scale: number[];
  offset: number[];
}

/**
 * The scale and offset per channel for a normalisation:
 * - `unit`: pixel / 255, into [0, 1];
 * - `symmetric`: pixel × 2 / 255 − 1, into [−1, 1];
 * - `standardise`: (pixel − mean) / std, with the train split's `stats`.
 *
 * @throws Error when standardising with statistics for a different number of channels.
 */
export function normaliseParams(
  normalisation: Normalisation,
  stats: ChannelStats,
  channels: number,
): NormaliseParams {
  const each = (value: number) => new Array<number>(channels).fill(value);
  switch (normalisation) {
    case 'unit':
      return { scale: each(1 / 255), offset: each(0) };
    case 'symmetric':
      return { scale: each(2 / 255), offset: each(-1) };
    case 'standardise': {
      if (stats.mean.length !== channels || stats.std.length !== channels) {
        throw new Error(
          `the statistics cover ${stats.mean.length} channels but the images have ${channels}; ` +
            'reload the dataset to recompute them',
        );
      }
      const std = stats.std.map((value) => Math.max(MIN_STD, value));
      return {
        scale: std.map((value) => 1 / value),
        offset: stats.mean.map((mean, c) => -mean / std[c]!),
      };
    }
  }
}
