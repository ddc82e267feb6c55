/**
 * The IDX file format of MNIST and its relatives (Fashion-MNIST, KMNIST, EMNIST): a 4-byte
 * magic number, big-endian dimension sizes, then the values. Pure functions: callers read the
 * files and gunzip them first (see archive.ts).
 */
import { MAX_CLASSES } from '../shared/dataset';

/** An IDX file's dimensions and its unsigned-byte values, row-major. */
export interface IdxArray {
  dims: number[];
  data: Uint8Array;
}

const IDX_TYPE_NAMES: Record<number, string> = {
  0x09: 'signed bytes',
  0x0b: '16-bit integers',
  0x0c: '32-bit integers',
  0x0d: '32-bit floats',
  0x0e: '64-bit floats',
};

/** Reads an uncompressed IDX file of unsigned bytes (type 0x08). Throws on anything else. */
export function parseIdx(bytes: Uint8Array, path: string): IdxArray {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    throw new Error(`${path} is still gzip-compressed; unpack it before reading it as IDX`);
  }
  if (bytes.length < 4 || bytes[0] !== 0 || bytes[1] !== 0) {
    throw new Error(`${path} is not an IDX file: it does not start with 00 00 08`);
  }
  const type = bytes[2]!;
  if (type !== 0x08) {
    const stores = IDX_TYPE_NAMES[type] ?? `values of unknown type 0x${type.toString(16)}`;
    throw new Error(
      `${path} stores ${stores}; only IDX files of unsigned bytes (00 00 08) are supported`,
    );
  }
  const rank = bytes[3]!;
  if (rank === 0) throw new Error(`${path} is not a usable IDX file: it declares no dimensions`);
  const headerBytes = 4 + 4 * rank;
  if (bytes.length < headerBytes) {
    throw new Error(
      `${path} is truncated: its header needs ${headerBytes} bytes, found ${bytes.length}`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i, false));
  const expected = dims.reduce((product, size) => product * size, 1);
  const found = bytes.length - headerBytes;
  if (found < expected) {
    throw new Error(`${path} is truncated: expected ${expected} bytes of data, found ${found}`);
  }
  if (found > expected) {
    throw new Error(
      `${path} has ${found - expected} bytes of trailing data after the ${expected} its header declares`,
    );
  }
  return { dims, data: bytes.subarray(headerBytes) };
}

function baseName(path: string): string {
  return path.slice(path.replace(/\\/g, '/').lastIndexOf('/') + 1);
}

/** The file name without its folder and without a trailing `.gz`, lower-cased for matching. */
function matchKey(path: string): string {
  return baseName(path).replace(/\.gz$/i, '').toLowerCase();
}

function isImagesFile(key: string): boolean {
  return key.includes('images') || key.includes('idx3');
}

function isLabelsFile(key: string): boolean {
  return key.includes('labels') || key.includes('idx1');
}

/** A short name for a pair, e.g. `train` or `emnist-letters-train`. */
function pairName(imagesPath: string): string {
  const base = baseName(imagesPath).replace(/\.gz$/i, '');
  const name = base.replace(/[-_.]?idx3[-_.]?ubyte$/i, '').replace(/[-_.]?images$/i, '');
  return name === '' ? base : name;
}

/**
 * Pairs IDX images files with their labels files by name (`train-images-idx3-ubyte` ↔
 * `train-labels-idx1-ubyte`, with or without `.gz`). Folders are ignored when matching, but a
 * labels file in the same folder is preferred when two would match.
 */
export function pairIdxFiles(paths: string[]): {
  pairs: { images: string; labels: string; name: string }[];
  unpaired: { path: string; reason: string }[];
} {
  const dirOf = (path: string) => path.slice(0, path.length - baseName(path).length);
  const labelFiles = paths.filter(
    (path) => !isImagesFile(matchKey(path)) && isLabelsFile(matchKey(path)),
  );
  const used = new Set<string>();
  const pairs: { images: string; labels: string; name: string }[] = [];
  const unpaired: { path: string; reason: string }[] = [];
  for (const path of paths) {
    const key = matchKey(path);
    if (!isImagesFile(key)) {
      if (!isLabelsFile(key)) {
        unpaired.push({
          path,
          reason:
            'its name does not say whether it holds images or labels (expected "images"/"idx3" or "labels"/"idx1")',
        });
      }
      continue;
    }
    const wanted = key.replace('images', 'labels').replace('idx3', 'idx1');
    const candidates = labelFiles.filter((label) => !used.has(label) && matchKey(label) === wanted);
    const labels = candidates.find((label) => dirOf(label) === dirOf(path)) ?? candidates[0];
    if (labels === undefined) {
      unpaired.push({ path, reason: `no matching labels file (expected one named ${wanted})` });
      continue;
    }
    used.add(labels);
    pairs.push({ images: path, labels, name: pairName(path) });
  }
  for (const label of labelFiles) {
    if (!used.has(label)) unpaired.push({ path: label, reason: 'no matching images file' });
  }
  return { pairs, unpaired };
}

/**
 * Joins an images file ([n, rows, cols]) and a labels file ([n]) into one dataset of
 * rows×cols×1 images. `transpose` swaps rows and columns of every image (EMNIST stores its
 * images transposed). The returned arrays are fresh copies, so callers may transfer them.
 */
export function combineIdx(
  images: IdxArray,
  labels: IdxArray,
  path: string,
  transpose: boolean,
): { shape: [number, number, 1]; labels: Uint8Array; pixels: Uint8Array } {
  if (images.dims.length !== 3) {
    throw new Error(
      `${path} holds an array of shape ${images.dims.join('×')}, not images (expected count×rows×columns, an idx3 file)`,
    );
  }
  if (labels.dims.length !== 1) {
    throw new Error(
      `the labels for ${path} hold an array of shape ${labels.dims.join('×')}, not one label per image (expected an idx1 file)`,
    );
  }
  const [count, rows, cols] = images.dims as [number, number, number];
  if (count !== labels.dims[0]) {
    throw new Error(`${path} has ${count} images but ${labels.dims[0]} labels`);
  }
  if (count === 0) throw new Error(`${path} holds no images`);
  if (!transpose) {
    return { shape: [rows, cols, 1], labels: labels.data.slice(), pixels: images.data.slice() };
  }
  const pixels = new Uint8Array(images.data.length);
  const size = rows * cols;
  for (let n = 0; n < count; n++) {
    const from = images.data.subarray(n * size, (n + 1) * size);
    const to = pixels.subarray(n * size, (n + 1) * size);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) to[c * rows + r] = from[r * cols + c]!;
    }
  }
  return { shape: [cols, rows, 1], labels: labels.data.slice(), pixels };
}

const FASHION_MNIST_CLASS_NAMES = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
];
const KMNIST_CLASS_NAMES = ['お', 'き', 'す', 'つ', 'な', 'は', 'ま', 'や', 'れ', 'を'];
const LETTERS = Array.from({ length: 26 }, (_, i) => String.fromCharCode(97 + i));
const DIGITS = Array.from({ length: 10 }, (_, i) => String(i));
/** Labels are stored as uint8, and the worker caps datasets at this many classes. */

function checkLabels(
  labels: Uint8Array,
  first: number,
  classes: number,
  dataset: string,
  path: string,
) {
  for (const label of labels) {
    if (label < first || label >= first + classes) {
      const last = first + classes - 1;
      throw new Error(
        `${path} has label ${label}, but ${dataset} labels run from ${first} to ${last}`,
      );
    }
  }
}

/**
 * Names a dataset read from IDX files and its classes, from the file path and the labels:
 * Fashion-MNIST, KMNIST, EMNIST (transposed; the letters split remapped from 1–26 to a–z),
 * MNIST-like digits, or any other labels (remapped densely, numerically sorted).
 */
export function idxDatasetInfo(
  path: string,
  labels: Uint8Array,
): { name: string; classNames: string[]; labels: Uint8Array; transpose: boolean } {
  const lower = path.toLowerCase();
  if (lower.includes('fashion')) {
    checkLabels(labels, 0, 10, 'Fashion-MNIST', path);
    return {
      name: 'Fashion-MNIST',
      classNames: FASHION_MNIST_CLASS_NAMES,
      labels,
      transpose: false,
    };
  }
  if (lower.includes('kmnist')) {
    checkLabels(labels, 0, 10, 'KMNIST', path);
    return { name: 'KMNIST', classNames: KMNIST_CLASS_NAMES, labels, transpose: false };
  }
  if (lower.includes('emnist')) {
    if (lower.includes('letters')) {
      checkLabels(labels, 1, 26, 'EMNIST letters', path);
      const shifted = labels.map((label) => label - 1);
      return { name: 'EMNIST letters', classNames: LETTERS, labels: shifted, transpose: true };
    }
    // Keep the numeric labels as they are, so a train file and a test file always agree
    // even when one of them lacks a class.
    const max = labels.reduce((most, label) => Math.max(most, label), 0);
    checkLabels(labels, 0, MAX_CLASSES, 'EMNIST', path);
    const classNames = Array.from({ length: max + 1 }, (_, i) => String(i));
    return { name: 'EMNIST', classNames, labels, transpose: true };
  }
  const distinct = [...new Set(labels)].sort((a, b) => a - b);
  if (distinct.every((label) => label <= 9)) {
    return { name: 'MNIST', classNames: DIGITS, labels, transpose: false };
  }
  if (distinct.length > MAX_CLASSES) {
    throw new Error(
      `${path} has ${distinct.length} different labels; at most ${MAX_CLASSES} classes are supported`,
    );
  }
  const dense = new Uint8Array(256);
  distinct.forEach((label, index) => (dense[label] = index));
  return {
    name: 'IDX dataset',
    classNames: distinct.map(String),
    labels: labels.map((label) => dense[label]!),
    transpose: false,
  };
}
