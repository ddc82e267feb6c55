import type { Augmentation } from './augmentation';

/**
 * Datasets as the page and the worker speak of them: where one comes from, how it is split
 * and scaled, what was loaded and skipped, and what the health check found. Plain data only.
 */

/** The most classes a dataset may have: labels are stored as uint8. */
export const MAX_CLASSES = 255;

/** How pixels (0–255) become the network's input. */
export type Normalisation = 'unit' | 'symmetric' | 'standardise';

export const NORMALISATION_LABELS: Record<Normalisation, string> = {
  unit: 'Scale to [0, 1]',
  symmetric: 'Scale to [-1, 1]',
  standardise: 'Standardise per channel (train mean and std)',
};

/** How an image of another aspect ratio is fitted to the target size. */
export type AspectPolicy = 'stretch' | 'crop' | 'pad';

export const ASPECT_LABELS: Record<AspectPolicy, string> = {
  stretch: 'Stretch to fit',
  crop: 'Centre-crop',
  pad: 'Pad (letterbox)',
};

/** How the user's own images are decoded and packed. */
export interface ImageOptions {
  /** Target height and width; null picks one from the data (the most common size, capped at 64). */
  size: [number, number] | null;
  /** 1 (grayscale), 3 (colour) or null to pick: colour unless every image is gray. */
  channels: 1 | 3 | null;
  aspect: AspectPolicy;
}

export const DEFAULT_IMAGE_OPTIONS: ImageOptions = { size: null, channels: null, aspect: 'crop' };

/** A file the user gave, with its path relative to what they dropped or picked. */
export interface SourceFile {
  path: string;
  file: Blob;
}

/** A dataset the studio offers for download, with an editable public URL. */
export interface RemoteDataset {
  id: 'fashion-mnist' | 'cifar-10';
  name: string;
  /** One or more files; IDX sets come as images + labels pairs. */
  urls: string[];
}

/** Where a dataset comes from. */
export type DatasetSource =
  /** The bundled MNIST digits. */
  | { kind: 'sample'; id: 'mnist' }
  /** Procedural colour shapes, generated in the worker. */
  | { kind: 'shapes'; count: number; seed: number }
  /**
   * Files the user dropped or picked: IDX, CIFAR-10 binary (loose, .tar or .tar.gz), a zip, or
   * image files in one folder per class. The worker detects which.
   */
  | { kind: 'files'; files: SourceFile[]; image: ImageOptions }
  /** Files fetched from URLs (then treated as dropped files); cached for offline reloads. */
  | { kind: 'url'; name: string; urls: string[]; image: ImageOptions }
  /** An empty dataset of `size`×`size` colour images that webcam captures fill, class by class. */
  | { kind: 'webcam'; size: number }
  /**
   * A dataset a project file carried: the Layerwise sample format's bytes (see
   * src/data/sample-format.ts), transferred to the worker, with the names project.json gives.
   */
  | {
      kind: 'project';
      name: string;
      classNames: string[];
      aspect: AspectPolicy;
      bytes: ArrayBuffer;
    };

export type DatasetSourceKind = DatasetSource['kind'];

/** How examples are divided into splits and scaled. */
export interface DataConfig {
  /** Fractions of each class held out for validation and test; train gets the rest. */
  validation: number;
  test: number;
  seed: number;
  normalisation: Normalisation;
}

export const DEFAULT_DATA_CONFIG: DataConfig = {
  validation: 0.1,
  test: 0.1,
  seed: 20261122,
  normalisation: 'unit',
};

/** Per-channel statistics of the train split, in pixel units (0–255). */
export interface ChannelStats {
  mean: number[];
  std: number[];
}

/** Example counts of one split, per class (index = class). */
export interface SplitCounts {
  total: number;
  perClass: number[];
}

/** A file or record that was not loaded, and why, in words the user can act on. */
export interface SkippedItem {
  path: string;
  reason: string;
}

/** What a load took in and left out. */
export interface LoadReport {
  /** Examples loaded. */
  loaded: number;
  skipped: SkippedItem[];
  /** Things worth knowing that are not failures (resized from 300×200, served from the cache…). */
  notes: string[];
  /** The download was answered from the cache (URL sources). */
  fromCache: boolean;
}

export type HealthKind =
  'imbalance' | 'duplicates' | 'near-duplicates' | 'leakage' | 'small-class' | 'too-few-classes';

/** One finding of the health check. */
export interface HealthIssue {
  kind: HealthKind;
  severity: 'info' | 'warning' | 'error';
  message: string;
  /** Example indices (into the whole dataset) that show the problem, a few at most. */
  examples: number[];
}

/** Where the examples live while training. */
export type Storage = 'device' | 'streamed';

/** What the worker tells the page about a loaded dataset. */
export interface DatasetSummary {
  name: string;
  source: DatasetSourceKind;
  /** Height, width, channels of one example. */
  inputShape: [number, number, number];
  /** How images of another shape were fitted to that size when they were loaded. */
  aspect: AspectPolicy;
  classNames: string[];
  /** The class edits made since the dataset was loaded, in order. */
  classEdits: ClassEdit[];
  /** Examples per class in the whole dataset. */
  classCounts: number[];
  splits: { train: SplitCounts; validation: SplitCounts; test: SplitCounts };
  config: DataConfig;
  /** Train-split statistics (always computed; used when normalisation is 'standardise'). */
  stats: ChannelStats;
  report: LoadReport;
  health: HealthIssue[];
  storage: Storage;
  /** A short hash of the pixels and labels: two loads of the same data have the same one. */
  fingerprint: string;
}

/** A few examples for the page to draw: `pixels` holds `count` images of `inputShape`, uint8. */
export interface DatasetPreview {
  pixels: Uint8Array;
  labels: number[];
}

/** A change to the classes of the loaded dataset. */
export type ClassEdit =
  | { op: 'rename'; index: number; name: string }
  /** Relabels every class in `indices` as the first one, which takes `name`. */
  | { op: 'merge'; indices: number[]; name: string }
  | { op: 'remove'; index: number }
  | { op: 'add'; name: string };

/** A loading stage with its progress, for the progress bar. */
export interface LoadProgress {
  stage: 'downloading' | 'reading' | 'decoding' | 'generating' | 'checking';
  done: number;
  /** null when the total is unknown (a download without Content-Length). */
  total: number | null;
  unit: 'bytes' | 'files' | 'images';
}

/** Requests about the data that need no trained model. */
export type DataRequest =
  /** Examples of one class (or all when class is null) from the whole dataset, for the grid. */
  | {
      kind: 'examples';
      requestId: number;
      classIndex: number | null;
      offset: number;
      count: number;
    }
  /** A batch of training examples, augmented exactly as training would (seeded). */
  | {
      kind: 'augmentPreview';
      requestId: number;
      augmentation: Augmentation;
      count: number;
      seed: number;
    };

export type DataResult =
  | {
      kind: 'examples';
      /** Dataset indices, uint8 pixels of `inputShape` each, labels. */
      indices: number[];
      pixels: Uint8Array;
      labels: number[];
      /** How many examples the class (or dataset) has in all. */
      total: number;
    }
  | {
      kind: 'augmentPreview';
      /** The originals and their augmented versions, uint8 of `inputShape` each. */
      original: Uint8Array;
      augmented: Uint8Array;
      count: number;
    };
