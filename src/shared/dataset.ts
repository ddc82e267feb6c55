/** Where a dataset comes from. Later sources (files, folders, webcam) extend this union. */
export type DatasetSource = { kind: 'sample'; id: 'mnist' };

/** Example counts of one split, per class (index = class). */
export interface SplitCounts {
  total: number;
  perClass: number[];
}

/** What the worker tells the page about a loaded dataset. */
export interface DatasetSummary {
  name: string;
  /** Height, width, channels of one example. */
  inputShape: [number, number, number];
  classNames: string[];
  splits: { train: SplitCounts; validation: SplitCounts; test: SplitCounts };
}

/** A few examples for the page to draw: `pixels` holds `count` images of `inputShape`, uint8. */
export interface DatasetPreview {
  pixels: Uint8Array;
  labels: number[];
}
