import type { NodeId } from './model-spec';

/**
 * The most images the Insights panel pins. The worker pads the pinned images' feature maps
 * to this many rows on WebGL, so one set of shaders serves one to four pins.
 */
export const MAX_PINNED = 4;

/** The splits a dataset is divided into. */
export type SplitName = 'train' | 'validation' | 'test';

/**
 * An image to look at: one example of a split (by its position in that split), or pixels the
 * user supplied (drawn, dropped, from the webcam) as uint8 in the dataset's input shape.
 */
export type ImageRef =
  { source: 'split'; split: SplitName; index: number } | { source: 'pixels'; pixels: Uint8Array };

export type SaliencyMethod = 'vanilla' | 'smoothgrad' | 'gradcam';

/** What the page can ask about the current model. Each carries an id echoed in its result. */
export type InsightRequest =
  /** Confusion matrix, per-class metrics and the misclassified examples of a split. */
  | { kind: 'evaluate'; requestId: number; split: 'validation' | 'test' }
  /** Pixels of some examples of a split, e.g. the images behind a confusion-matrix cell. */
  | { kind: 'examples'; requestId: number; split: SplitName; indices: number[] }
  /**
   * Outputs of the given layers (all conv-like layers when omitted) for each image, all the
   * images in one pass.
   */
  | { kind: 'featureMaps'; requestId: number; images: ImageRef[]; layerIds?: NodeId[] }
  /**
   * Which pixels drove the prediction of `classIndex` (each image's predicted class when
   * omitted), for each image. Grad-CAM uses `layerId`, the last conv layer by default, and
   * looks at all the images in one pass.
   */
  | {
      kind: 'saliency';
      requestId: number;
      images: ImageRef[];
      method: SaliencyMethod;
      classIndex?: number;
      layerId?: NodeId;
    }
  /** Weight (and last-batch gradient) histograms, first-layer filters, dead-ReLU fractions. */
  | { kind: 'weights'; requestId: number }
  /** Class probabilities for one image. */
  | { kind: 'predict'; requestId: number; image: ImageRef };

/** Per-class precision, recall, F1 and support (number of true examples). */
export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Histogram {
  min: number;
  max: number;
  counts: number[];
}

/** A tensor travelling to the page: row-major data with its shape. */
export interface TensorData {
  shape: number[];
  data: Float32Array;
}

/** What the given layers output for one image. */
export interface ImageFeatureMaps {
  layers: { layerId: NodeId; name: string; output: TensorData }[];
}

/** What drove one image's prediction: its map and the class the map is for. */
export interface SaliencyMap {
  classIndex: number;
  /** Height × width importance in [0, 1], at the input's resolution. */
  map: TensorData;
  probabilities: Float32Array;
}

/** What the worker answers. Typed arrays travel as transferred buffers. */
export type InsightResult =
  | {
      kind: 'evaluation';
      split: 'validation' | 'test';
      /** confusion[actual][predicted] counts. */
      confusion: number[][];
      perClass: ClassMetrics[];
      accuracy: number;
      macroF1: number;
      /** Predicted class of every example of the split, in split order. */
      predicted: Uint8Array;
      /** Labels of every example of the split, in split order. */
      labels: Uint8Array;
      /** Misclassified examples, most confident first, with their top-3 probabilities. */
      misclassified: { index: number; label: number; top: { classIndex: number; p: number }[] }[];
    }
  | {
      kind: 'examples';
      split: SplitName;
      indices: number[];
      shape: [number, number, number];
      pixels: Uint8Array;
    }
  | {
      kind: 'featureMaps';
      /** One per image asked about, in the same order. */
      images: ImageFeatureMaps[];
    }
  | {
      kind: 'saliency';
      method: SaliencyMethod;
      /** One per image asked about, in the same order. */
      maps: SaliencyMap[];
    }
  | {
      kind: 'weights';
      layers: {
        layerId: NodeId;
        name: string;
        weights: Histogram;
        gradients?: Histogram;
        /** Share of this ReLU layer's units that output 0 for every example of a probe batch. */
        deadReluFraction?: number;
      }[];
      /** The first conv layer's kernels: [kh, kw, inChannels, filters]. */
      firstLayerFilters?: TensorData;
    }
  | { kind: 'prediction'; probabilities: Float32Array };
