/** Types for build-samples.mjs, so TypeScript tests can import its pure helpers. */

/** A dataset ready to serialise: uint8 labels and example-major, row-major uint8 pixels. */
export interface EncodableDataset {
  rows: number;
  cols: number;
  channels: number;
  classes: number;
  labels: Uint8Array;
  pixels: Uint8Array;
}

export declare const SAMPLE_MAGIC: string;
export declare const SAMPLE_VERSION: number;
export declare const SAMPLE_HEADER_BYTES: number;

/** Serialises a dataset into the uncompressed Layerwise sample format. */
export declare function encodeDataset(dataset: EncodableDataset): Uint8Array;

/** Gzips an encoded dataset at level 9. */
export declare function gzipDataset(bytes: Uint8Array): Uint8Array;

/** The folder holding the `mnist` package's 0.json … 9.json. */
export declare function mnistDigitsDir(): string;

/** Reads the `mnist` package's digits in class order as uint8 labels and pixels. */
export declare function readMnistDigits(dir?: string): { labels: Uint8Array; pixels: Uint8Array };
