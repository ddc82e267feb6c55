import type { DatasetPreview, DatasetSummary, SplitCounts } from '../shared/dataset';
import { decodeDataset, gunzipIfNeeded } from '../data/sample-format';
import { MNIST_SAMPLE, MNIST_SPLIT } from '../data/mnist-sample';
import { stratifiedSplit } from '../data/split';
import type { DeviceData, HostExamples } from './device-data';
import { uploadSplit } from './device-data';

/** A dataset held by the worker: host copy, split indices, and what the page is told. */
export interface LoadedDataset {
  host: HostExamples;
  split: { train: Uint32Array; validation: Uint32Array; test: Uint32Array };
  summary: DatasetSummary;
  preview: DatasetPreview;
}

const PREVIEW_PER_CLASS = 4;

function countsOf(labels: Uint8Array, indices: Uint32Array, classes: number): SplitCounts {
  const perClass = new Array<number>(classes).fill(0);
  for (const index of indices) perClass[labels[index] ?? 0]! += 1;
  return { total: indices.length, perClass };
}

/** A few training examples of every class, for the Data panel. */
function previewOf(host: HostExamples, train: Uint32Array, classes: number): DatasetPreview {
  const [h, w, c] = host.shape;
  const size = h * w * c;
  const chosen: number[] = [];
  for (let k = 0; k < classes; k++) {
    const ofClass = Array.from(train).filter((i) => host.labels[i] === k);
    chosen.push(...ofClass.slice(0, PREVIEW_PER_CLASS));
  }
  const pixels = new Uint8Array(chosen.length * size);
  chosen.forEach((index, i) =>
    pixels.set(host.pixels.subarray(index * size, (index + 1) * size), i * size),
  );
  return { pixels, labels: chosen.map((i) => host.labels[i] ?? 0) };
}

/** Fetches and decodes the bundled MNIST digits, split as the studio always splits them. */
export async function loadMnistSample(assetBase: string): Promise<LoadedDataset> {
  const url = new URL(MNIST_SAMPLE.path, assetBase);
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`Could not load the MNIST sample from ${url.href} (HTTP ${response.status}).`);
  }
  const decoded = decodeDataset(await gunzipIfNeeded(new Uint8Array(await response.arrayBuffer())));
  const host: HostExamples = {
    shape: [decoded.rows, decoded.cols, decoded.channels],
    labels: decoded.labels,
    pixels: decoded.pixels,
  };
  const split = stratifiedSplit(decoded.labels, MNIST_SPLIT, MNIST_SPLIT.seed);
  const classes = decoded.classes;
  const summary: DatasetSummary = {
    name: MNIST_SAMPLE.name,
    inputShape: host.shape,
    classNames: [...MNIST_SAMPLE.classNames],
    splits: {
      train: countsOf(decoded.labels, split.train, classes),
      validation: countsOf(decoded.labels, split.validation, classes),
      test: countsOf(decoded.labels, split.test, classes),
    },
  };
  return { host, split, summary, preview: previewOf(host, split.train, classes) };
}

/** Puts every split of a loaded dataset on the active backend's device. */
export function uploadDataset(dataset: LoadedDataset): DeviceData {
  return {
    train: uploadSplit(dataset.host, dataset.split.train),
    validation: uploadSplit(dataset.host, dataset.split.validation),
    test: uploadSplit(dataset.host, dataset.split.test),
    classes: dataset.summary.classNames.length,
  };
}
