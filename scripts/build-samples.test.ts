import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { decodeDataset, gunzipIfNeeded } from '../src/data/sample-format';
import { encodeDataset, gzipDataset, mnistDigitsDir, readMnistDigits } from './build-samples.mjs';

const MNIST_COUNTS = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];
const ASSET = fileURLToPath(new URL('../public/samples/mnist-digits.bin.gz', import.meta.url));

function readJsonDigits(digit: number): number[] {
  const file = join(mnistDigitsDir(), `${digit}.json`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { data: number[] }).data;
}

function makeTiny(overrides: Partial<Parameters<typeof encodeDataset>[0]> = {}) {
  return encodeDataset({
    rows: 2,
    cols: 3,
    channels: 1,
    classes: 2,
    labels: Uint8Array.of(1, 0),
    pixels: Uint8Array.from({ length: 12 }, (_, i) => i * 20),
    ...overrides,
  });
}

describe('the MNIST sample asset', () => {
  it('round-trips every digit through encode, gzip, gunzip and decode', async () => {
    const { labels, pixels } = readMnistDigits();
    const gz = gzipDataset(
      encodeDataset({ rows: 28, cols: 28, channels: 1, classes: 10, labels, pixels }),
    );
    const decoded = decodeDataset(await gunzipIfNeeded(gz));

    expect(decoded).toMatchObject({ count: 10_000, rows: 28, cols: 28, channels: 1, classes: 10 });
    const perClass = new Array<number>(10).fill(0);
    for (const label of decoded.labels) perClass[label]!++;
    expect(perClass).toEqual(MNIST_COUNTS);

    let at = 0;
    for (let digit = 0; digit < 10; digit++) {
      const json = readJsonDigits(digit);
      const mismatches = json.filter(
        (v, i) => Math.round((decoded.pixels[at + i]! / 255) * 1000) / 1000 !== v,
      );
      expect(mismatches).toEqual([]);
      expect(
        decoded.labels.subarray(at / 784, (at + json.length) / 784).every((l) => l === digit),
      ).toBe(true);
      at += json.length;
    }
    expect(at).toBe(decoded.pixels.length);
  });

  it.skipIf(!existsSync(ASSET))('decodes the built public/samples file', async () => {
    const decoded = decodeDataset(await gunzipIfNeeded(new Uint8Array(readFileSync(ASSET))));
    expect(decoded.count).toBe(10_000);
    expect(decoded.pixels.length).toBe(10_000 * 784);
  });
});

describe('encodeDataset / decodeDataset', () => {
  it('writes the documented header', () => {
    const bytes = makeTiny();
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('LWDS');
    const view = new DataView(bytes.buffer);
    expect(view.getUint32(4, true)).toBe(1);
    expect(view.getUint32(8, true)).toBe(2);
    expect(Array.from(bytes.subarray(12, 16))).toEqual([2, 3, 1, 2]);
    expect(bytes.length).toBe(16 + 2 + 12);
  });

  it('decodes bytes that were never gzipped, and views into an offset buffer', async () => {
    const inner = makeTiny();
    const padded = new Uint8Array(inner.length + 5);
    padded.set(inner, 5);
    const decoded = decodeDataset(await gunzipIfNeeded(padded.subarray(5)));
    expect(Array.from(decoded.labels)).toEqual([1, 0]);
    expect(decoded.pixels[11]).toBe(220);
  });

  it('rejects inconsistent input when encoding', () => {
    expect(() => makeTiny({ pixels: new Uint8Array(11) })).toThrow(/need 12/);
    expect(() => makeTiny({ labels: Uint8Array.of(0, 2) })).toThrow(/label 2 of example 1/);
    expect(() => makeTiny({ rows: 0 })).toThrow(/rows must be an integer from 1 to 255/);
  });

  it('says when the bytes are not a sample file', () => {
    expect(() => decodeDataset(new TextEncoder().encode('PK\u0003\u0004 a zip'))).toThrow(
      'not a Layerwise sample file',
    );
    expect(() => decodeDataset(new Uint8Array(0))).toThrow('not a Layerwise sample file');
  });

  it('says how much is missing when the file is truncated', () => {
    const bytes = makeTiny();
    expect(() => decodeDataset(bytes.subarray(0, 29))).toThrow(
      'truncated: expected 30 bytes, got 29',
    );
    expect(() => decodeDataset(bytes.subarray(0, 10))).toThrow(
      'truncated: expected 16 bytes, got 10',
    );
  });

  it('rejects trailing data, another version and out-of-range labels', () => {
    const longer = new Uint8Array(31);
    longer.set(makeTiny());
    expect(() => decodeDataset(longer)).toThrow('corrupt: expected 30 bytes, got 31');

    const future = makeTiny();
    future[4] = 3;
    expect(() => decodeDataset(future)).toThrow('unsupported Layerwise sample version 3');

    const badLabel = makeTiny();
    badLabel[17] = 9;
    expect(() => decodeDataset(badLabel)).toThrow('corrupt: label 9 of example 1 is not below 2');
  });

  it('says when gzip data is corrupt', async () => {
    const gz = gzipDataset(makeTiny());
    await expect(gunzipIfNeeded(gz.subarray(0, gz.length - 8))).rejects.toThrow(
      'corrupt gzip data',
    );
    const garbled = Uint8Array.from(gz);
    garbled.fill(0xff, 10, gz.length - 8);
    await expect(gunzipIfNeeded(garbled)).rejects.toThrow('corrupt gzip data');
  });
});
