/**
 * The bundled, offline MNIST sample: 10,000 real digits built by scripts/build-samples.mjs
 * into a Layerwise sample file (see sample-format.ts).
 */
import type { SplitSizes } from './split';

/** A sample dataset that ships with the app. */
export interface SampleDataset {
  name: string;
  /**
   * Location relative to the app base. Resolve it on the page (for example
   * `new URL(path, document.baseURI)`) before handing it to the worker: inside a worker a
   * relative URL resolves against the worker script, not the app.
   */
  path: string;
  classNames: readonly string[];
  /** rows, cols, channels (channels-last). */
  inputShape: readonly [number, number, number];
}

/** The bundled MNIST digits. */
export const MNIST_SAMPLE: SampleDataset = {
  name: 'MNIST digits',
  path: 'samples/mnist-digits.bin.gz',
  classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  inputShape: [28, 28, 1],
};

/**
 * The sample's fixed split (train gets the other 8,000), so results from different sessions
 * and machines are comparable.
 */
export const MNIST_SPLIT: Readonly<SplitSizes & { seed: number }> = {
  validation: 1000,
  test: 1000,
  seed: 20261122,
};
