import { describe, expect, it } from 'vitest';
import { encodeDataset as encodeInScript } from '../../scripts/build-samples.mjs';
import type { EncodableDataset } from './sample-format';
import {
  SAMPLE_HEADER_BYTES,
  decodeDataset,
  encodeDataset,
  readSampleHeader,
} from './sample-format';

/** A small dataset with every pixel different, so a shifted byte shows. */
function makeDataset(changes: Partial<EncodableDataset> = {}): EncodableDataset {
  const { rows = 3, cols = 2, channels = 3 } = changes;
  const labels = changes.labels ?? Uint8Array.of(0, 2, 1, 2);
  const pixels = Uint8Array.from(
    { length: labels.length * rows * cols * channels },
    (_, i) => (i * 7) % 256,
  );
  return { rows, cols, channels, classes: 3, labels, pixels, ...changes };
}

describe('encodeDataset', () => {
  it('round-trips through decodeDataset', () => {
    const dataset = makeDataset();
    const decoded = decodeDataset(encodeDataset(dataset));
    expect(decoded).toMatchObject({ rows: 3, cols: 2, channels: 3, classes: 3, count: 4 });
    expect(decoded.labels).toEqual(dataset.labels);
    expect(decoded.pixels).toEqual(dataset.pixels);
  });

  it('writes the same bytes as the script that builds the bundled sample', () => {
    const dataset = makeDataset();
    expect(encodeDataset(dataset)).toEqual(encodeInScript(dataset));
  });

  it('writes version 2 for images wider than 255 pixels, and reads it back', () => {
    const dataset = makeDataset({ rows: 2, cols: 300, channels: 1, labels: Uint8Array.of(1) });
    const bytes = encodeDataset(dataset);
    expect(readSampleHeader(bytes)).toMatchObject({
      version: 2,
      headerBytes: 20,
      rows: 2,
      cols: 300,
      byteLength: bytes.length,
    });
    expect(decodeDataset(bytes).pixels).toEqual(dataset.pixels);
  });

  it('gives a buffer of its own, which can be transferred', () => {
    const bytes = encodeDataset(makeDataset());
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(bytes.length);
  });

  it('keeps an empty dataset', () => {
    const bytes = encodeDataset(makeDataset({ labels: new Uint8Array(0) }));
    expect(bytes.length).toBe(SAMPLE_HEADER_BYTES);
    expect(decodeDataset(bytes).count).toBe(0);
  });

  it('refuses what the format cannot hold', () => {
    expect(() => encodeDataset(makeDataset({ classes: 0 }))).toThrow(/classes must be/);
    expect(() => encodeDataset(makeDataset({ classes: 256 }))).toThrow(/classes must be/);
    expect(() => encodeDataset(makeDataset({ pixels: new Uint8Array(5) }))).toThrow(/need 72/);
    expect(() => encodeDataset(makeDataset({ labels: Uint8Array.of(3) }))).toThrow(
      'label 3 of example 0 is not below 3',
    );
  });
});

describe('readSampleHeader', () => {
  it('knows the whole length from the header alone', () => {
    const bytes = encodeDataset(makeDataset());
    expect(readSampleHeader(bytes.subarray(0, SAMPLE_HEADER_BYTES)).byteLength).toBe(bytes.length);
  });

  it('refuses a header cut short or with an empty dimension', () => {
    const bytes = encodeDataset(makeDataset());
    expect(() => readSampleHeader(bytes.subarray(0, 10))).toThrow('truncated');
    const empty = bytes.slice();
    empty[13] = 0;
    expect(() => readSampleHeader(empty)).toThrow('corrupt header');
  });
});
