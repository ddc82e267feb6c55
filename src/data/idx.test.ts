import { describe, expect, it } from 'vitest';
import { combineIdx, idxDatasetInfo, pairIdxFiles, parseIdx } from './idx';

/** An IDX file of unsigned bytes with the given dimensions; `extra` bytes are added or cut. */
function makeIdx(dims: number[], values?: number[], extra = 0): Uint8Array {
  const size = dims.reduce((a, b) => a * b, 1);
  const bytes = new Uint8Array(4 + 4 * dims.length + size + Math.max(extra, 0));
  bytes.set([0, 0, 0x08, dims.length]);
  const view = new DataView(bytes.buffer);
  dims.forEach((dim, i) => view.setUint32(4 + 4 * i, dim, false));
  bytes.set(values ?? Array.from({ length: size }, (_, i) => i % 256), 4 + 4 * dims.length);
  return extra < 0 ? bytes.subarray(0, bytes.length + extra) : bytes;
}

describe('parseIdx', () => {
  it('reads dimensions and data of an images file', () => {
    const idx = parseIdx(makeIdx([2, 3, 4]), 'train-images-idx3-ubyte');
    expect(idx.dims).toEqual([2, 3, 4]);
    expect(idx.data.length).toBe(24);
    expect(idx.data[5]).toBe(5);
  });

  it('reads a labels file', () => {
    const idx = parseIdx(makeIdx([3], [7, 8, 9]), 'labels');
    expect(idx).toEqual({ dims: [3], data: Uint8Array.from([7, 8, 9]) });
  });

  it('refuses a wrong magic number, naming the file', () => {
    const bytes = makeIdx([1]);
    bytes[0] = 0x42;
    expect(() => parseIdx(bytes, 'x/bad.idx')).toThrow(
      'x/bad.idx is not an IDX file: it does not start with 00 00 08',
    );
  });

  it('refuses value types other than unsigned bytes', () => {
    const bytes = makeIdx([1]);
    bytes[2] = 0x0d;
    expect(() => parseIdx(bytes, 'f.idx')).toThrow('f.idx stores 32-bit floats');
  });

  it('says when a file is still gzip-compressed', () => {
    expect(() => parseIdx(Uint8Array.from([0x1f, 0x8b, 8, 0]), 'a.gz')).toThrow('gzip');
  });

  it('refuses truncated data and a truncated header', () => {
    expect(() => parseIdx(makeIdx([10, 2, 2], undefined, -3), 't')).toThrow(
      't is truncated: expected 40 bytes of data, found 37',
    );
    expect(() => parseIdx(makeIdx([10, 2, 2]).subarray(0, 10), 't')).toThrow('t is truncated');
    expect(() => parseIdx(new Uint8Array(2), 'tiny')).toThrow('not an IDX file');
  });

  it('refuses trailing data', () => {
    expect(() => parseIdx(makeIdx([2], undefined, 5), 'l')).toThrow('5 bytes of trailing data');
  });

  it('reads a file that is a view into a larger buffer', () => {
    const file = makeIdx([2], [4, 5]);
    const padded = new Uint8Array(file.length + 8);
    padded.set(file, 8);
    expect(parseIdx(padded.subarray(8), 'v').data).toEqual(Uint8Array.from([4, 5]));
  });
});

describe('pairIdxFiles', () => {
  it('pairs the MNIST, dotted and EMNIST names, with and without .gz', () => {
    const { pairs, unpaired } = pairIdxFiles([
      'mnist/train-images-idx3-ubyte.gz',
      'mnist/t10k-labels.idx1-ubyte',
      'mnist/train-labels-idx1-ubyte.gz',
      'mnist/t10k-images.idx3-ubyte',
      'emnist-letters-train-images-idx3-ubyte',
      'other/emnist-letters-train-labels-idx1-ubyte',
    ]);
    expect(unpaired).toEqual([]);
    expect(pairs).toEqual([
      {
        images: 'mnist/train-images-idx3-ubyte.gz',
        labels: 'mnist/train-labels-idx1-ubyte.gz',
        name: 'train',
      },
      {
        images: 'mnist/t10k-images.idx3-ubyte',
        labels: 'mnist/t10k-labels.idx1-ubyte',
        name: 't10k',
      },
      {
        images: 'emnist-letters-train-images-idx3-ubyte',
        labels: 'other/emnist-letters-train-labels-idx1-ubyte',
        name: 'emnist-letters-train',
      },
    ]);
  });

  it('prefers a labels file in the same folder', () => {
    const { pairs } = pairIdxFiles([
      'a/train-labels-idx1-ubyte',
      'b/train-images-idx3-ubyte',
      'b/train-labels-idx1-ubyte',
    ]);
    expect(pairs[0]!.labels).toBe('b/train-labels-idx1-ubyte');
  });

  it('reports files without a partner', () => {
    const { pairs, unpaired } = pairIdxFiles([
      'train-images-idx3-ubyte',
      't10k-labels-idx1-ubyte',
      'mystery.bin',
    ]);
    expect(pairs).toEqual([]);
    expect(unpaired.map((item) => item.path)).toEqual([
      'train-images-idx3-ubyte',
      'mystery.bin',
      't10k-labels-idx1-ubyte',
    ]);
    expect(unpaired[0]!.reason).toContain('train-labels-idx1-ubyte');
    expect(unpaired[2]!.reason).toBe('no matching images file');
  });
});

describe('combineIdx', () => {
  const images = parseIdx(makeIdx([2, 2, 3]), 'imgs');
  const labels = parseIdx(makeIdx([2], [1, 0]), 'lbls');

  it('joins images and labels into owned arrays', () => {
    const data = combineIdx(images, labels, 'imgs', false);
    expect(data.shape).toEqual([2, 3, 1]);
    expect(data.labels).toEqual(Uint8Array.from([1, 0]));
    expect([...data.pixels]).toEqual([...images.data]);
    expect(data.pixels.buffer.byteLength).toBe(12);
  });

  it('transposes every image when asked', () => {
    const data = combineIdx(images, labels, 'imgs', true);
    expect(data.shape).toEqual([3, 2, 1]);
    // First image rows [0 1 2] [3 4 5] becomes columns.
    expect([...data.pixels.subarray(0, 6)]).toEqual([0, 3, 1, 4, 2, 5]);
    expect([...data.pixels.subarray(6)]).toEqual([6, 9, 7, 10, 8, 11]);
  });

  it('refuses mismatched counts', () => {
    const many = parseIdx(makeIdx([10000, 1, 1]), 'i');
    const fewer = parseIdx(makeIdx([9999]), 'l');
    expect(() => combineIdx(many, fewer, 'train-images-idx3-ubyte', false)).toThrow(
      'train-images-idx3-ubyte has 10000 images but 9999 labels',
    );
  });

  it('refuses files of the wrong rank', () => {
    expect(() => combineIdx(labels, labels, 'x', false)).toThrow('not images');
    expect(() => combineIdx(images, images, 'x', false)).toThrow('not one label per image');
  });
});

describe('idxDatasetInfo', () => {
  const digits = Uint8Array.from([0, 9, 3]);

  it('names Fashion-MNIST and KMNIST classes', () => {
    expect(idxDatasetInfo('fashion/train-images-idx3-ubyte', digits).classNames[0]).toBe(
      'T-shirt/top',
    );
    const kmnist = idxDatasetInfo('KMNIST/t10k-images', digits);
    expect(kmnist.name).toBe('KMNIST');
    expect(kmnist.classNames).toHaveLength(10);
  });

  it('remaps EMNIST letters from 1–26 to a–z and transposes', () => {
    const info = idxDatasetInfo('emnist-letters-train-images', Uint8Array.from([1, 26]));
    expect(info.transpose).toBe(true);
    expect([...info.labels]).toEqual([0, 25]);
    expect(info.classNames[25]).toBe('z');
    expect(() => idxDatasetInfo('emnist-letters', Uint8Array.from([0]))).toThrow('1 to 26');
  });

  it('keeps other EMNIST labels as numbers', () => {
    const info = idxDatasetInfo('emnist-balanced-train', Uint8Array.from([0, 46]));
    expect(info.classNames).toHaveLength(47);
    expect([...info.labels]).toEqual([0, 46]);
    expect(info.transpose).toBe(true);
  });

  it('treats labels 0–9 as digits', () => {
    const info = idxDatasetInfo('train-labels-idx1-ubyte', Uint8Array.from([2, 5]));
    expect(info.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect([...info.labels]).toEqual([2, 5]);
  });

  it('remaps other labels densely in numeric order', () => {
    const info = idxDatasetInfo('x', Uint8Array.from([100, 12, 100, 7]));
    expect(info.classNames).toEqual(['7', '12', '100']);
    expect([...info.labels]).toEqual([2, 1, 2, 0]);
  });

  it('refuses labels a known dataset does not have', () => {
    expect(() => idxDatasetInfo('fashion', Uint8Array.from([10]))).toThrow('fashion has label 10');
  });
});
