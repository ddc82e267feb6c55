import type { LoadProgress, LoadReport } from '../../shared/dataset';

/**
 * Examples as a source delivers them, before any split: uint8 pixels (0–255), channels-last,
 * example-major, and one label per example.
 */
export interface RawDataset {
  name: string;
  /** Height, width, channels (1 or 3). */
  shape: [number, number, number];
  classNames: string[];
  labels: Uint8Array;
  pixels: Uint8Array;
  report: LoadReport;
}

/** What a loader may use while it works. */
export interface LoadContext {
  /** Aborted when the user cancels; loaders stop promptly and throw the signal's reason. */
  signal: AbortSignal;
  progress(progress: LoadProgress): void;
  /** The app's base URL, for bundled assets. */
  assetBase: string;
}
