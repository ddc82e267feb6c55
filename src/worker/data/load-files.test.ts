import { gzipSync, zipSync } from 'fflate';
import { createTar } from 'nanotar';
import { describe, expect, it } from 'vitest';
import type { ImageOptions, LoadProgress, SourceFile } from '../../shared/dataset';
import { DEFAULT_IMAGE_OPTIONS } from '../../shared/dataset';
import type { ChunkDecoder } from './decode-pool';
import { loadFiles } from './load-files';
import { LoadError } from './load-source';
import type { LoadContext } from './raw-dataset';

// ---- builders: every file a test drops is written here ----

/** An IDX file of unsigned bytes with the given dimensions; values count up from `start`. */
function idx(dims: number[], values?: number[]): Uint8Array {
  const count = dims.reduce((a, b) => a * b, 1);
  const bytes = new Uint8Array(4 + 4 * dims.length + count);
  const view = new DataView(bytes.buffer);
  bytes.set([0, 0, 8, dims.length]);
  dims.forEach((size, i) => view.setUint32(4 + 4 * i, size, false));
  for (let i = 0; i < count; i++) bytes[4 + 4 * dims.length + i] = values?.[i] ?? i % 10;
  return bytes;
}

/** A CIFAR-10 batch of `labels.length` records; each image's red plane holds its index. */
function cifarBatch(labels: number[], extraBytes = 0): Uint8Array {
  const bytes = new Uint8Array(labels.length * 3073 + extraBytes);
  labels.forEach((label, n) => {
    bytes[n * 3073] = label;
    bytes.fill(n, n * 3073 + 1, n * 3073 + 1 + 1024);
  });
  return bytes;
}

/**
 * A stand-in image file: a PNG header of the given size, then a marker the fake decoder
 * reads: 'G' gray, 'C' colour, 'X' a file the browser cannot decode.
 */
function png(width: number, height: number, marker: 'G' | 'C' | 'X' = 'C'): Uint8Array {
  const bytes = new Uint8Array(25);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  bytes.set(new TextEncoder().encode('IHDR'), 12);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  bytes[24] = marker.charCodeAt(0);
  return bytes;
}

/** A stand-in GIF of 8×8 with two frames; the fake decoder reads it as a colour image. */
function animatedGif(): Uint8Array {
  const frame = [0x2c, 0, 0, 0, 0, 8, 0, 8, 0, 0, 2, 2, 0x4c, 0x01, 0];
  return Uint8Array.from([
    ...new TextEncoder().encode('GIF89a'),
    ...[8, 0, 8, 0, 0x80, 0, 0],
    ...[0, 0, 0, 255, 255, 255],
    ...frame,
    ...frame,
    0x3b,
  ]);
}

function file(path: string, bytes: Uint8Array | string): SourceFile {
  return { path, file: new Blob([bytes as Uint8Array<ArrayBuffer>]) };
}

/** Decodes stand-in images: gray ones to 100, colour ones to (200, 50, 10). */
function fakeDecoder(log: { chunks: number; closed: number }): () => ChunkDecoder {
  return () => ({
    size: 2,
    async decode({ files, target }) {
      log.chunks++;
      const size = target.width * target.height * 3;
      const pixels = new Uint8Array(files.length * size);
      const decoded = new Uint8Array(files.length);
      const gray = new Uint8Array(files.length);
      for (let i = 0; i < files.length; i++) {
        const marker = new Uint8Array(await files[i]!.arrayBuffer())[24];
        if (marker === 'X'.charCodeAt(0)) continue;
        decoded[i] = 1;
        gray[i] = marker === 'G'.charCodeAt(0) ? 1 : 0;
        for (let p = 0; p < size; p += 3) {
          pixels.set(gray[i] ? [100, 100, 100] : [200, 50, 10], i * size + p);
        }
      }
      return { pixels, decoded, gray };
    },
    close() {
      log.closed++;
    },
  });
}

function makeContext() {
  const progress: LoadProgress[] = [];
  const ctx: LoadContext = {
    signal: new AbortController().signal,
    progress: (p) => progress.push(p),
    assetBase: '/',
  };
  return { ctx, progress };
}

async function load(files: SourceFile[], image: Partial<ImageOptions> = {}) {
  const decoderLog = { chunks: 0, closed: 0 };
  const { ctx, progress } = makeContext();
  const dataset = await loadFiles(
    files,
    { image: { ...DEFAULT_IMAGE_OPTIONS, ...image }, createDecoder: fakeDecoder(decoderLog) },
    ctx,
  );
  return { dataset, progress, decoderLog };
}

async function loadError(files: SourceFile[]): Promise<LoadError> {
  const { ctx } = makeContext();
  const error: unknown = await loadFiles(files, { image: DEFAULT_IMAGE_OPTIONS }, ctx).catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LoadError);
  return error as LoadError;
}

const reasonOf = (skipped: { path: string; reason: string }[], path: string) =>
  skipped.find((item) => item.path === path)?.reason;

// ---- the tests ----

describe('loading IDX files', () => {
  it('joins the train and test pairs, gzip or not, into one dataset', async () => {
    const { dataset, progress } = await load([
      file('train-images-idx3-ubyte.gz', gzipSync(idx([3, 2, 2]))),
      file('train-labels-idx1-ubyte.gz', gzipSync(idx([3], [1, 2, 3]))),
      file('t10k-images-idx3-ubyte', idx([2, 2, 2])),
      file('t10k-labels-idx1-ubyte', idx([2], [4, 5])),
    ]);
    expect(dataset.name).toBe('MNIST');
    expect(dataset.shape).toEqual([2, 2, 1]);
    expect(dataset.classNames).toHaveLength(10);
    expect(Array.from(dataset.labels)).toEqual([1, 2, 3, 4, 5]);
    expect(dataset.pixels).toHaveLength(5 * 4);
    expect(dataset.report.loaded).toBe(5);
    expect(dataset.report.skipped).toEqual([]);
    expect(progress.at(-1)).toEqual({ stage: 'reading', done: 4, total: 4, unit: 'files' });
  });

  it('skips a pair with mismatched counts, naming both files, and loads the rest', async () => {
    const { dataset } = await load([
      file('train-images-idx3-ubyte', idx([3, 2, 2])),
      file('train-labels-idx1-ubyte', idx([3])),
      file('t10k-images-idx3-ubyte', idx([2, 2, 2])),
      file('t10k-labels-idx1-ubyte', idx([5])),
    ]);
    expect(dataset.labels).toHaveLength(3);
    const reason = reasonOf(dataset.report.skipped, 't10k-images-idx3-ubyte');
    expect(reason).toBe('t10k-images-idx3-ubyte has 2 images but 5 labels');
    expect(reasonOf(dataset.report.skipped, 't10k-labels-idx1-ubyte')).toBe(reason);
  });

  it('skips a pair of another image size', async () => {
    const { dataset } = await load([
      file('train-images-idx3-ubyte', idx([3, 2, 2])),
      file('train-labels-idx1-ubyte', idx([3])),
      file('t10k-images-idx3-ubyte', idx([1, 3, 3])),
      file('t10k-labels-idx1-ubyte', idx([1])),
    ]);
    expect(dataset.labels).toHaveLength(3);
    expect(reasonOf(dataset.report.skipped, 't10k-images-idx3-ubyte')).toMatch(/3×3 images/);
  });

  it('throws a LoadError listing the files when the only pair has a wrong magic number', async () => {
    const broken = idx([2, 2, 2]);
    broken[2] = 0x0d;
    const error = await loadError([
      file('train-images-idx3-ubyte', broken),
      file('train-labels-idx1-ubyte', idx([2])),
    ]);
    expect(error.message).toMatch(/could be read/);
    expect(error.skipped.map((item) => item.path)).toEqual([
      'train-images-idx3-ubyte',
      'train-labels-idx1-ubyte',
    ]);
    expect(error.skipped[0]!.reason).toMatch(/32-bit floats/);
  });

  it('names Fashion-MNIST after the name a download was given', async () => {
    const { ctx } = makeContext();
    const dataset = await loadFiles(
      [
        file('train-images-idx3-ubyte.gz', gzipSync(idx([1, 2, 2]))),
        file('train-labels-idx1-ubyte.gz', gzipSync(idx([1], [9]))),
      ],
      { image: DEFAULT_IMAGE_OPTIONS, name: 'Fashion-MNIST' },
      ctx,
    );
    expect(dataset.name).toBe('Fashion-MNIST');
    expect(dataset.classNames[9]).toBe('Ankle boot');
  });
});

describe('loading CIFAR-10 batches', () => {
  it('loads the batches from a tar.gz with class names from batches.meta.txt', async () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
    const tar = createTar([
      { name: 'cifar-10-batches-bin/batches.meta.txt', data: names.join('\n') + '\n\n' },
      { name: 'cifar-10-batches-bin/test_batch.bin', data: cifarBatch([9]) },
      { name: 'cifar-10-batches-bin/data_batch_1.bin', data: cifarBatch([0, 1]) },
      { name: 'cifar-10-batches-bin/readme.html', data: '<html></html>' },
    ]);
    const { dataset } = await load([file('cifar-10-binary.tar.gz', gzipSync(tar))]);
    expect(dataset.name).toBe('CIFAR-10');
    expect(dataset.shape).toEqual([32, 32, 3]);
    expect(dataset.classNames).toEqual(names);
    // Training batches come first, whatever the order in the archive.
    expect(Array.from(dataset.labels)).toEqual([0, 1, 9]);
    expect(dataset.pixels[32 * 32 * 3]).toBe(1); // image 1's first red value
    expect(dataset.report.skipped.map((item) => item.path)).toEqual([
      'cifar-10-binary.tar.gz/cifar-10-batches-bin/readme.html',
    ]);
  });

  it('reports a truncated tail and keeps the whole records before it', async () => {
    const { dataset } = await load([file('data_batch_1.bin', cifarBatch([3, 4], 100))]);
    expect(Array.from(dataset.labels)).toEqual([3, 4]);
    expect(dataset.classNames[3]).toBe('cat');
    expect(reasonOf(dataset.report.skipped, 'data_batch_1.bin')).toMatch(/truncated record/);
  });
});

describe('loading image folders', () => {
  it('loads one folder per class and reports what it could not use', async () => {
    const { dataset, progress, decoderLog } = await load([
      file('pets/cat/1.png', png(40, 30)),
      file('pets/cat/2.png', png(40, 30)),
      file('pets/dog/1.png', png(30, 30)),
      file('pets/dog/notes.txt', 'good dogs'),
      file('pets/dog/broken.png', png(30, 30, 'X')),
      file('pets/dog/empty.png', new Uint8Array(0)),
      file('pets/dog/fake.png', 'not really a png'),
      file('pets/dog/huge.png', png(20_000, 5_000)),
    ]);
    expect(dataset.name).toBe('pets');
    expect(dataset.classNames).toEqual(['cat', 'dog']);
    expect(Array.from(dataset.labels)).toEqual([0, 0, 1]);
    // Auto size: the most common shorter side, 30; colour images keep three channels.
    expect(dataset.shape).toEqual([30, 30, 3]);
    expect(dataset.pixels).toHaveLength(3 * 30 * 30 * 3);
    expect(Array.from(dataset.pixels.subarray(0, 3))).toEqual([200, 50, 10]);
    const skipped = Object.fromEntries(dataset.report.skipped.map((s) => [s.path, s.reason]));
    expect(Object.keys(skipped).sort()).toEqual([
      'pets/dog/broken.png',
      'pets/dog/empty.png',
      'pets/dog/fake.png',
      'pets/dog/huge.png',
      'pets/dog/notes.txt',
    ]);
    expect(skipped['pets/dog/broken.png']).toBe(
      'corrupt or unsupported image: the browser could not decode it',
    );
    expect(skipped['pets/dog/fake.png']).toBe(
      'not a PNG, JPEG, GIF, BMP or WebP image (the bytes do not match)',
    );
    expect(skipped['pets/dog/huge.png']).toMatch(/megapixels/);
    expect(skipped['pets/dog/empty.png']).toMatch(/0 bytes/);
    expect(progress.at(-1)).toEqual({ stage: 'decoding', done: 4, total: 4, unit: 'images' });
    expect(decoderLog.closed).toBeGreaterThan(0);
  });

  it('packs gray images into one channel and honours a chosen size', async () => {
    const files = Array.from({ length: 70 }, (_, i) =>
      file(`digits/${i % 2 ? 'odd' : 'even'}/${i}.png`, png(28, 28, 'G')),
    );
    const { dataset, decoderLog } = await load(files, { size: [8, 12] });
    expect(dataset.shape).toEqual([8, 12, 1]);
    expect(dataset.pixels).toHaveLength(70 * 8 * 12);
    expect(dataset.pixels.every((value) => value === 100)).toBe(true);
    expect(decoderLog.chunks).toBe(3); // 32 + 32 + 6
  });

  it('converts colour to one channel when asked', async () => {
    const { dataset } = await load([file('a/x/1.png', png(4, 4)), file('a/y/1.png', png(4, 4))], {
      channels: 1,
    });
    expect(dataset.shape).toEqual([4, 4, 1]);
    // 0.299·200 + 0.587·50 + 0.114·10
    expect(dataset.pixels[0]).toBe(Math.round(0.299 * 200 + 0.587 * 50 + 0.114 * 10));
  });

  it('leaves out a class whose images all failed, and names an empty class folder', async () => {
    const { dataset } = await load([
      file('set/a/1.png', png(8, 8)),
      file('set/b/1.png', png(8, 8)),
      file('set/c/1.png', png(8, 8, 'X')),
      file('set/d/readme.txt', 'nothing here'),
    ]);
    expect(dataset.classNames).toEqual(['a', 'b']);
    expect(dataset.report.notes.join(' ')).toMatch(/class folder d holds no image/);
    expect(dataset.report.notes.join(' ')).toMatch(/class c has no usable image/);
  });

  it('loads a 1×1 image scaled up and an animation from its first frame, naming both', async () => {
    const normal = Array.from({ length: 4 }, (_, i) => file(`set/a/${i}.png`, png(16, 16)));
    const { dataset } = await load([
      ...normal,
      file('set/b/dot.png', png(1, 1)),
      file('set/b/run.gif', animatedGif()),
    ]);
    expect(dataset.shape).toEqual([16, 16, 3]);
    expect(dataset.labels).toHaveLength(6);
    expect(dataset.report.skipped).toEqual([]);
    const notes = dataset.report.notes.join(' ');
    expect(notes).toContain(
      '1 image is far smaller than the 16×16 input and was scaled up, so it holds almost no detail: set/b/dot.png (1×1).',
    );
    expect(notes).toContain(
      '1 animated image was loaded from the first frame only: set/b/run.gif.',
    );
  });

  it('skips a file whose path climbs out with "..", and loads the rest', async () => {
    const { dataset } = await load([
      file('pets/cat/1.png', png(8, 8)),
      file('pets/dog/1.png', png(8, 8)),
      file('pets/../outside/1.png', png(8, 8)),
    ]);
    expect(dataset.classNames).toEqual(['cat', 'dog']);
    expect(reasonOf(dataset.report.skipped, 'pets/../outside/1.png')).toMatch(
      /climbs out of the dropped folder/,
    );
  });

  it('refuses a folder with one class, naming it', async () => {
    const error = await loadError([
      file('pets/cat/1.png', png(8, 8)),
      file('pets/cat/2.png', png(8, 8)),
    ]);
    expect(error.message).toBe(
      'pets has only one class folder (cat); a classifier needs at least two.',
    );
  });

  it('loads a zip of class folders, named after the zip', async () => {
    const zip = zipSync({ 'red/1.png': png(8, 8), 'blue/1.png': png(8, 8) });
    const { dataset } = await load([file('colours.zip', zip)]);
    expect(dataset.name).toBe('colours');
    expect(dataset.classNames).toEqual(['blue', 'red']);
  });
});

describe('mixed and broken drops', () => {
  it('loads one kind, IDX first, and reports the others as not used', async () => {
    const { dataset } = await load([
      file('train-images-idx3-ubyte', idx([1, 2, 2])),
      file('train-labels-idx1-ubyte', idx([1])),
      file('data_batch_1.bin', cifarBatch([1])),
      file('cats/a/1.png', png(8, 8)),
    ]);
    expect(dataset.name).toBe('MNIST');
    expect(reasonOf(dataset.report.skipped, 'data_batch_1.bin')).toBe(
      'not used: this drop was loaded as IDX files',
    );
    expect(reasonOf(dataset.report.skipped, 'cats/a/1.png')).toBe(
      'not used: this drop was loaded as IDX files',
    );
  });

  it('does not unpack an archive inside an archive', async () => {
    const inner = zipSync({ 'a/1.png': png(8, 8) });
    const outer = zipSync({ 'inner.zip': inner, 'x/1.png': png(8, 8), 'y/1.png': png(8, 8) });
    const { dataset } = await load([file('outer.zip', outer)]);
    expect(reasonOf(dataset.report.skipped, 'outer.zip/inner.zip')).toMatch(
      /archive inside an archive/,
    );
  });

  it('throws a LoadError listing every file when nothing is usable', async () => {
    const error = await loadError([
      file('notes.txt', 'hello'),
      file('broken.zip', 'this is not a zip'),
      file('empty.bin', new Uint8Array(0)),
    ]);
    expect(error.message).toBe(
      'No images or dataset files were found: 3 files were skipped (see the list).',
    );
    expect(error.skipped.map((item) => item.path).sort()).toEqual([
      'broken.zip',
      'empty.bin',
      'notes.txt',
    ]);
    expect(reasonOf(error.skipped, 'broken.zip')).toMatch(/not an archive/);
  });

  it('gives the reason itself when a single file was given', async () => {
    const error = await loadError([file('broken.zip', 'These are my holiday photos, honest.')]);
    expect(error.message).toBe(
      'No images or dataset files were found: broken.zip is not an archive (zip, tar or gzip).',
    );
  });

  it('stops when the load is cancelled', async () => {
    const controller = new AbortController();
    controller.abort(new DOMException('cancelled', 'AbortError'));
    const ctx: LoadContext = { signal: controller.signal, progress: () => {}, assetBase: '/' };
    await expect(
      loadFiles([file('a/x/1.png', png(8, 8))], { image: DEFAULT_IMAGE_OPTIONS }, ctx),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});
