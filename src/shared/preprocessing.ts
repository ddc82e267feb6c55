/**
 * How an image becomes the network's input, as data: what an exported model carries in
 * `preprocessing.json` and what the Keras script and the exported `index.html` apply, so a
 * model predicts outside the studio exactly as inside.
 */
import type { AspectPolicy, ChannelStats, Normalisation } from './dataset';

export interface PreprocessingSpec {
  format: 'layerwise-preprocessing';
  version: 1;
  /** Height, width, channels of one input, channels-last. */
  inputShape: [number, number, number];
  /** Grayscale inputs are Rec. 601 luma of RGB: 0.299 R + 0.587 G + 0.114 B. */
  colour: 'grayscale' | 'rgb';
  /** How an image of another aspect ratio is fitted to the input size. */
  aspect: AspectPolicy;
  normalisation: Normalisation;
  /** Per channel: input = pixel (0–255) × scale + offset. */
  scale: number[];
  offset: number[];
  /** The train split's per-channel statistics, in pixel units (used by 'standardise'). */
  stats: ChannelStats;
}
