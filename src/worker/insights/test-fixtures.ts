import type { ModelSpec } from '../../shared/model-spec';
import { DEFAULT_DATA_CONFIG } from '../../shared/dataset';
import type { HostExamples } from '../device-data';
import { uploadDataset } from '../device-data';
import { buildModel } from '../build-model';
import type { LoadedDataset } from '../data/dataset-store';
import type { InsightContext } from './context';

const range = (from: number, to: number) =>
  Uint32Array.from({ length: to - from }, (_, i) => from + i);

/**
 * A loaded dataset made of `host`, split in order: the first `train` examples, then
 * `validation`, then the rest as test.
 */
export function makeDataset(host: HostExamples, train: number, validation: number): LoadedDataset {
  const count = host.labels.length;
  const classes = Math.max(...host.labels) + 1;
  const counts = (from: number, to: number) => ({ total: to - from, perClass: [] as number[] });
  return {
    host,
    split: {
      train: range(0, train),
      validation: range(train, train + validation),
      test: range(train + validation, count),
    },
    summary: {
      name: 'fixture',
      source: 'sample',
      inputShape: host.shape,
      aspect: 'stretch',
      classNames: Array.from({ length: classes }, (_, k) => String(k)),
      classEdits: [],
      classCounts: [],
      splits: {
        train: counts(0, train),
        validation: counts(train, train + validation),
        test: counts(train + validation, count),
      },
      config: DEFAULT_DATA_CONFIG,
      stats: { mean: [0], std: [1] },
      report: { loaded: count, skipped: [], notes: [], fromCache: false },
      health: [],
      storage: 'device',
      fingerprint: '',
    },
    preview: { pixels: new Uint8Array(0), labels: [] },
  };
}

/** 6×6 grey images: class 0 bright on the left half, class 1 on the right, with noise. */
export function halvesDataset(count: number, seed = 1): HostExamples {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const labels = new Uint8Array(count);
  const pixels = new Uint8Array(count * 36);
  for (let n = 0; n < count; n++) {
    labels[n] = n % 2;
    for (let p = 0; p < 36; p++) {
      const bright = p % 6 < 3 === (n % 2 === 0);
      pixels[n * 36 + p] = Math.round((bright ? 150 : 40) + random() * 60);
    }
  }
  return { shape: [6, 6, 1], labels, pixels };
}

/** An insight context over `spec` (built with seed 1) and `dataset`; dispose() frees it all. */
export function makeContext(
  spec: ModelSpec,
  dataset: LoadedDataset,
): InsightContext & { dispose(): void } {
  const model = buildModel(spec, { seed: 1, inputShape: dataset.host.shape });
  const device = uploadDataset(dataset.host, dataset.split, dataset.summary.classNames.length);
  return {
    model,
    spec,
    device,
    dataset,
    dispose() {
      model.dispose();
      device.dispose();
    },
  };
}
