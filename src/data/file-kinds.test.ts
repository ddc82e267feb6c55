import { gzipSync, strToU8, zipSync } from 'fflate';
import { createTar } from 'nanotar';
import { describe, expect, it } from 'vitest';
import { classifyFiles, type FileHead } from './file-kinds';

const PNG_HEAD = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const IDX_HEAD = Uint8Array.from([0, 0, 8, 3, 0, 0, 0, 1]);

function kinds(files: FileHead[]) {
  return classifyFiles(files);
}

describe('classifyFiles', () => {
  it('finds IDX files by magic number or by name, gzip-compressed or not', () => {
    const result = kinds([
      { path: 'mystery', head: IDX_HEAD },
      { path: 'train-images-idx3-ubyte.gz', head: gzipSync(IDX_HEAD) },
      { path: 't10k-labels.idx1-ubyte', head: strToU8('wrong magic, still IDX by name') },
    ]);
    expect(result.idx).toEqual(['mystery', 'train-images-idx3-ubyte.gz', 't10k-labels.idx1-ubyte']);
  });

  it('finds CIFAR-10 batches by name or by record size, and their class names', () => {
    const result = kinds([
      { path: 'c/data_batch_1.bin', head: new Uint8Array(100).fill(3) },
      { path: 'c/batches.meta.txt', head: strToU8('airplane\n') },
      { path: 'small.bin', head: new Uint8Array(3073 * 2) },
      { path: 'large.bin', head: new Uint8Array(64), size: 3073 * 10000 },
      { path: 'other.bin', head: new Uint8Array(64), size: 5000 },
    ]);
    expect(result.cifar).toEqual(['c/data_batch_1.bin', 'small.bin', 'large.bin']);
    expect(result.cifarMeta).toEqual(['c/batches.meta.txt']);
    expect(result.skipped).toEqual([
      { path: 'other.bin', reason: 'not an image or dataset file (.bin)' },
    ]);
  });

  it('finds archives by name or content', () => {
    const result = kinds([
      { path: 'pets.zip', head: zipSync({ 'a.png': PNG_HEAD }) },
      { path: 'cifar-10-binary.tar.gz', head: gzipSync(new Uint8Array(600)) },
      { path: 'x.tgz', head: strToU8('damaged, the unpacker will say so') },
      { path: 'download', head: createTar([{ name: 'a', data: 'a' }]) },
      { path: 'notes.txt.gz', head: gzipSync(strToU8('text')) },
    ]);
    expect(result.archives).toEqual([
      'pets.zip',
      'cifar-10-binary.tar.gz',
      'x.tgz',
      'download',
      'notes.txt.gz',
    ]);
  });

  it('finds images by extension or signature, corrupt ones included', () => {
    const result = kinds([
      { path: 'cat/1.PNG', head: PNG_HEAD },
      { path: 'cat/no-extension', head: PNG_HEAD },
      { path: 'cat/corrupt.jpg', head: strToU8('not really a jpeg') },
    ]);
    expect(result.images).toEqual(['cat/1.PNG', 'cat/no-extension', 'cat/corrupt.jpg']);
  });

  it('skips empty files and everything else, with reasons', () => {
    const result = kinds([
      { path: 'cat/empty.png', head: new Uint8Array(0) },
      { path: 'cat/notes.txt', head: strToU8('hello') },
      { path: 'Makefile', head: strToU8('all:') },
    ]);
    expect(result.skipped).toEqual([
      { path: 'cat/empty.png', reason: 'empty file (0 bytes)' },
      { path: 'cat/notes.txt', reason: 'not an image or dataset file (.txt)' },
      { path: 'Makefile', reason: 'not an image or dataset file (no extension)' },
    ]);
    expect(result.images).toEqual([]);
  });
});
