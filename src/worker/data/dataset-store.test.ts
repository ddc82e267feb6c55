import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_CONFIG } from '../../shared/dataset';
import { decodeDataset } from '../../data/sample-format';
import { DatasetStore } from './dataset-store';
import type { RawDataset } from './raw-dataset';

/** `perClass` 4×4 gray images per class; each image is filled with a value unique to it. */
function makeRaw(perClass: number[]): RawDataset {
  const count = perClass.reduce((a, b) => a + b, 0);
  const labels = new Uint8Array(count);
  const pixels = new Uint8Array(count * 16);
  let at = 0;
  perClass.forEach((n, k) => {
    for (let i = 0; i < n; i++, at++) {
      labels[at] = k;
      pixels.fill(at % 256, at * 16, (at + 1) * 16);
    }
  });
  return {
    name: 'fixture',
    shape: [4, 4, 1],
    classNames: perClass.map((_, k) => `class ${k}`),
    labels,
    pixels,
    report: { loaded: count, skipped: [], notes: [], fromCache: false },
  };
}

const storeOf = (perClass: number[]) =>
  new DatasetStore(makeRaw(perClass), 'files', DEFAULT_DATA_CONFIG);

describe('DatasetStore', () => {
  it('summarises counts per class and per split', () => {
    const summary = storeOf([50, 30, 20]).summary('device');
    expect(summary.classCounts).toEqual([50, 30, 20]);
    const { train, validation, test } = summary.splits;
    expect(train.total + validation.total + test.total).toBe(100);
    expect(validation.total).toBe(10);
    expect(test.total).toBe(10);
    expect(summary.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it('re-splits with new fractions and seed', () => {
    const store = storeOf([50, 50]);
    store.configure({ ...DEFAULT_DATA_CONFIG, validation: 0.2, test: 0.3, seed: 3 });
    const { splits, config } = store.summary('device');
    expect([splits.validation.total, splits.test.total]).toEqual([20, 30]);
    expect(config.seed).toBe(3);
  });

  it('refuses a split that leaves no room for training, keeping the old one', () => {
    const store = storeOf([50, 50]);
    expect(() => store.configure({ ...DEFAULT_DATA_CONFIG, validation: 0.5, test: 0.5 })).toThrow();
    expect(store.summary('device').splits.validation.total).toBe(10);
  });

  it('removes a class with its images and keeps the others intact', () => {
    const store = storeOf([5, 6, 7]);
    store.editClasses({ op: 'remove', index: 1 });
    const summary = store.summary('device');
    expect(summary.classNames).toEqual(['class 0', 'class 2']);
    expect(summary.classCounts).toEqual([5, 7]);
    const host = store.host();
    // Example 11 (the first of class 2) is now example 5, pixels and all.
    expect(host.labels[5]).toBe(1);
    expect(host.pixels[5 * 16]).toBe(11);
  });

  it('appends captures to a class and grows as needed', () => {
    const store = new DatasetStore(
      { ...makeRaw([]), classNames: ['a', 'b'] },
      'webcam',
      DEFAULT_DATA_CONFIG,
    );
    for (let i = 0; i < 30; i++) store.addExamples(i % 2, new Uint8Array(32).fill(i), 2);
    expect(store.summary('device').classCounts).toEqual([30, 30]);
    expect(store.host().pixels.length).toBe(60 * 16);
    expect(() => store.addExamples(2, new Uint8Array(16), 1)).toThrow(/no class 2/);
    expect(() => store.addExamples(0, new Uint8Array(15), 1)).toThrow(/4×4×1/);
  });

  it('pages through the examples of one class', () => {
    const store = storeOf([5, 6, 7]);
    const page = store.examples(2, 2, 3);
    expect(page.total).toBe(7);
    expect(page.indices).toEqual([13, 14, 15]);
    expect(page.labels).toEqual([2, 2, 2]);
    expect(page.pixels[0]).toBe(13);
    expect(store.examples(null, 0, 1000).indices).toHaveLength(18);
  });

  it('previews a few training images of every class', () => {
    const preview = storeOf([10, 10, 10]).preview();
    expect(preview.labels.filter((l) => l === 2)).toHaveLength(4);
    expect(preview.pixels).toHaveLength(12 * 16);
  });

  it('encodes its examples (captures included, spare room left out) for a project file', () => {
    const store = storeOf([3, 2]);
    store.addExamples(1, new Uint8Array(16).fill(99), 1);
    const decoded = decodeDataset(store.encode());
    expect(decoded).toMatchObject({ rows: 4, cols: 4, channels: 1, classes: 2, count: 6 });
    expect([...decoded.labels]).toEqual([0, 0, 0, 1, 1, 1]);
    expect(decoded.pixels).toEqual(store.host().pixels);
    expect(store.summary('device').fingerprint).toBe(
      new DatasetStore(
        { ...makeRaw([]), labels: decoded.labels, pixels: decoded.pixels, classNames: ['a', 'b'] },
        'project',
        DEFAULT_DATA_CONFIG,
      ).summary('device').fingerprint,
    );
    expect(() => storeOf([]).encode()).toThrow('no images');
  });
});
