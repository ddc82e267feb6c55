/**
 * A trained model as the worker hands it to the page for download: the standard tfjs
 * layers-format files, how inputs are prepared, what it was trained with, and the studio's own
 * predictions on some test images so anyone can check the download predicts the same.
 */
import type { SplitName } from './insights';
import type { ModelSpec } from './model-spec';
import type { PreprocessingSpec } from './preprocessing';
import type { TrainSettings } from './train-settings';

/** A `model.json` and its weights, as one buffer in manifest order. */
export interface ModelPair {
  modelJson: Record<string, unknown>;
  weights: ArrayBuffer;
}

/** The studio's predictions on some held-out images, as the proof travels with the model. */
export interface PredictionCheck {
  split: SplitName;
  /** Height, width, channels of one image. */
  shape: [number, number, number];
  /** `count` images of `shape`, uint8, before preprocessing. */
  pixels: Uint8Array;
  labels: number[];
  /** `count` × classes probabilities, as the studio computed them. */
  probabilities: Float32Array;
  count: number;
}

export interface ExportedModel {
  /** The contents of `model.json`, with its weights manifest pointing at `weights.bin`. */
  modelJson: Record<string, unknown>;
  /** The contents of `weights.bin`. */
  weights: ArrayBuffer;
  classNames: string[];
  preprocessing: PreprocessingSpec;
  /** The network and settings the model was trained with (not the builder's current ones). */
  trainedWith: { spec: ModelSpec; settings: TrainSettings };
  dataset: { name: string; fingerprint: string; counts: Record<SplitName, number> };
  check: PredictionCheck;
  /** Layer classes of the studio's own that tfjs needs registered to load the model. */
  customLayers: string[];
  versions: { tfjs: string; backend: string };
}
