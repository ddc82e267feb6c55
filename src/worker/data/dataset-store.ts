import type {
  AspectPolicy,
  ChannelStats,
  ClassEdit,
  DataConfig,
  DataResult,
  DatasetPreview,
  DatasetSourceKind,
  DatasetSummary,
  HealthIssue,
  LoadReport,
  SplitCounts,
  Storage,
} from '../../shared/dataset';
import { MAX_CLASSES } from '../../shared/dataset';
import { applyClassEdit } from '../../data/class-edits';
import { checkDataConfig, splitSizes } from '../../data/data-config';
import { fingerprint } from '../../data/hash';
import { encodeDataset } from '../../data/sample-format';
import { checkHealth } from '../../data/health';
import { channelStats, normaliseParams } from '../../data/normalisation';
import type { Split } from '../../data/split';
import { stratifiedSplit } from '../../data/split';
import type { HostExamples, Scaling } from '../device-data';
import type { RawDataset } from './raw-dataset';

/** A dataset as the worker holds it: the host copy, its split and what the page is told. */
export interface LoadedDataset {
  host: HostExamples;
  split: Split;
  summary: DatasetSummary;
  preview: DatasetPreview;
}

const PREVIEW_PER_CLASS = 4;

function countsOf(labels: Uint8Array, indices: Uint32Array, classes: number): SplitCounts {
  const perClass = new Array<number>(classes).fill(0);
  for (const index of indices) perClass[labels[index] ?? 0]! += 1;
  return { total: indices.length, perClass };
}

/**
 * The loaded examples and everything derived from them. Edits (classes, split, appended
 * captures) replace the derived state as a whole, so a reader never sees half an update.
 */
export class DatasetStore {
  private classNames: string[];
  private labels: Uint8Array;
  /** Pixels of `count` examples; may have spare capacity for appended captures. */
  private pixels: Uint8Array;
  private count: number;
  private derived!: { split: Split; stats: ChannelStats; health: HealthIssue[]; print: string };
  /** The class edits made since the load, in order. */
  private readonly edits: ClassEdit[] = [];

  constructor(
    raw: RawDataset,
    readonly source: DatasetSourceKind,
    private config: DataConfig,
    /** How the loader fitted images of another shape to the dataset's size. */
    private readonly aspect: AspectPolicy = 'stretch',
  ) {
    const problems = checkDataConfig(config);
    if (problems.length > 0) throw new Error(problems.join(' '));
    this.name = raw.name;
    this.shape = raw.shape;
    this.report = raw.report;
    this.classNames = raw.classNames;
    this.labels = raw.labels;
    this.pixels = raw.pixels;
    this.count = raw.labels.length;
    this.derive();
  }

  readonly name: string;
  readonly shape: [number, number, number];
  readonly report: LoadReport;

  private get exampleSize(): number {
    const [h, w, c] = this.shape;
    return h * w * c;
  }

  host(): HostExamples {
    return {
      shape: this.shape,
      labels: this.labels.subarray(0, this.count),
      pixels: this.pixels.subarray(0, this.count * this.exampleSize),
    };
  }

  private derive(): void {
    const { labels, pixels } = this.host();
    const split = stratifiedSplit(labels, splitSizes(labels, this.config), this.config.seed);
    this.derived = {
      split,
      stats: channelStats(pixels, this.shape, split.train),
      health: checkHealth({
        shape: this.shape,
        classNames: this.classNames,
        labels,
        pixels,
        split,
      }),
      print: fingerprint(labels, pixels),
    };
  }

  /** Per-channel scaling of the configured normalisation, from the train split's statistics. */
  scaling(): Scaling {
    return normaliseParams(this.config.normalisation, this.derived.stats, this.shape[2]);
  }

  configure(config: DataConfig): void {
    const problems = checkDataConfig(config);
    if (problems.length > 0) throw new Error(problems.join(' '));
    this.config = config;
    this.derive();
  }

  editClasses(edit: ClassEdit): void {
    const { labels } = this.host();
    const next = applyClassEdit(this.classNames, labels, edit);
    if (next.keep) {
      const size = this.exampleSize;
      const pixels = new Uint8Array(next.keep.length * size);
      next.keep.forEach((index, i) =>
        pixels.set(this.pixels.subarray(index * size, (index + 1) * size), i * size),
      );
      this.pixels = pixels;
      this.count = next.keep.length;
    }
    this.classNames = next.classNames;
    this.labels = next.labels;
    this.edits.push(edit);
    this.derive();
  }

  /** Appends `count` images of the dataset's shape to one class. */
  addExamples(classIndex: number, pixels: Uint8Array, count: number): void {
    if (!Number.isInteger(classIndex) || classIndex < 0 || classIndex >= this.classNames.length) {
      throw new Error(`There is no class ${classIndex} to add images to; add a class first.`);
    }
    const size = this.exampleSize;
    if (!Number.isInteger(count) || count < 1 || pixels.length !== count * size) {
      const [h, w, c] = this.shape;
      throw new Error(`Captured images must be ${h}×${w}×${c} (${size} values each).`);
    }
    const needed = this.count + count;
    if (needed > this.labels.length || needed * size > this.pixels.length) {
      const capacity = Math.max(needed, this.count * 2, 64);
      const labels = new Uint8Array(capacity);
      labels.set(this.labels.subarray(0, this.count));
      const grown = new Uint8Array(capacity * size);
      grown.set(this.pixels.subarray(0, this.count * size));
      this.labels = labels;
      this.pixels = grown;
    }
    this.labels.fill(classIndex, this.count, needed);
    this.pixels.set(pixels, this.count * size);
    this.count = needed;
    this.derive();
  }

  summary(storage: Storage): DatasetSummary {
    const { labels } = this.host();
    const classes = this.classNames.length;
    const { split, stats, health, print } = this.derived;
    const classCounts = new Array<number>(classes).fill(0);
    for (const label of labels) classCounts[label]! += 1;
    return {
      name: this.name,
      source: this.source,
      inputShape: this.shape,
      aspect: this.aspect,
      classNames: [...this.classNames],
      classEdits: [...this.edits],
      classCounts,
      splits: {
        train: countsOf(labels, split.train, classes),
        validation: countsOf(labels, split.validation, classes),
        test: countsOf(labels, split.test, classes),
      },
      config: this.config,
      stats,
      report: this.report,
      health,
      storage,
      fingerprint: print,
    };
  }

  /** A few training examples of every class, as a fresh buffer the caller may transfer. */
  preview(): DatasetPreview {
    const { labels } = this.host();
    const chosen: number[] = [];
    for (let k = 0; k < this.classNames.length; k++) {
      const ofClass = this.derived.split.train.filter((i) => labels[i] === k);
      chosen.push(...ofClass.slice(0, PREVIEW_PER_CLASS));
    }
    return this.examplesAt(chosen);
  }

  /** Copies of the chosen examples, in order. */
  examplesAt(indices: number[]): DatasetPreview {
    const size = this.exampleSize;
    const pixels = new Uint8Array(indices.length * size);
    indices.forEach((index, i) =>
      pixels.set(this.pixels.subarray(index * size, (index + 1) * size), i * size),
    );
    return { pixels, labels: indices.map((i) => this.labels[i] ?? 0) };
  }

  /** A page of examples of one class (or of all), for the sample grid. */
  examples(
    classIndex: number | null,
    offset: number,
    count: number,
  ): Extract<DataResult, { kind: 'examples' }> {
    const { labels } = this.host();
    const all: number[] = [];
    labels.forEach((label, i) => {
      if (classIndex === null || label === classIndex) all.push(i);
    });
    const start = Math.max(0, Math.floor(offset));
    const indices = all.slice(start, start + Math.max(0, Math.min(count, 512)));
    return { kind: 'examples', indices, ...this.examplesAt(indices), total: all.length };
  }

  /**
   * Every example, in order, in the Layerwise sample format (the dataset a project file
   * carries), as a fresh buffer the caller may transfer.
   */
  encode(): Uint8Array {
    if (this.count === 0) throw new Error('The dataset has no images to save.');
    const { labels, pixels } = this.host();
    const [rows, cols, channels] = this.shape;
    return encodeDataset({ rows, cols, channels, classes: this.classCount, labels, pixels });
  }

  /** The dataset as insights and training read it. */
  loaded(storage: Storage): LoadedDataset {
    return {
      host: this.host(),
      split: this.derived.split,
      summary: this.summary(storage),
      preview: { pixels: new Uint8Array(0), labels: [] },
    };
  }

  get classCount(): number {
    return this.classNames.length;
  }

  get split(): Split {
    return this.derived.split;
  }
}

/** Refuses a raw dataset the studio cannot hold. */
export function checkRaw(raw: RawDataset): void {
  if (raw.classNames.length > MAX_CLASSES) {
    throw new Error(`The dataset has ${raw.classNames.length} classes; at most ${MAX_CLASSES}.`);
  }
  const [h, w, c] = raw.shape;
  if (raw.pixels.length !== raw.labels.length * h * w * c) {
    throw new Error('The loaded pixels do not match the number of labels (this is a bug).');
  }
}
