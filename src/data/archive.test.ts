import { gzipSync, strToU8, zipSync } from 'fflate';
import { createTar } from 'nanotar';
import { describe, expect, it } from 'vitest';
import { gunzip, isGzip, isTar, isZip, readTar, readZip, unpack } from './archive';
import { parseIdx } from './idx';

const MB = 1_000_000;
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Writes `name` into a zip's central directory and local header, as a crafted zip would. */
function renameInZip(zip: Uint8Array, from: string, to: string): Uint8Array {
  expect(from.length).toBe(to.length);
  const out = zip.slice();
  const needle = strToU8(from);
  for (let i = 0; i + needle.length <= out.length; i++) {
    if (needle.every((byte, j) => out[i + j] === byte)) out.set(strToU8(to), i);
  }
  return out;
}

describe('sniffing', () => {
  it('tells gzip, zip and tar apart', () => {
    const gz = gzipSync(strToU8('hello'));
    const zip = zipSync({ 'a.txt': strToU8('a') });
    const tar = createTar([{ name: 'a.txt', data: 'a' }]);
    expect([isGzip(gz), isZip(gz), isTar(gz)]).toEqual([true, false, false]);
    expect([isGzip(zip), isZip(zip), isTar(zip)]).toEqual([false, true, false]);
    expect([isGzip(tar), isZip(tar), isTar(tar)]).toEqual([false, false, true]);
    expect(isZip(zipSync({}))).toBe(true);
  });
});

describe('gunzip', () => {
  it('unpacks a gzip-compressed IDX file', () => {
    const idx = Uint8Array.from([0, 0, 8, 1, 0, 0, 0, 3, 7, 8, 9]);
    const out = gunzip(gzipSync(idx), 'train-labels-idx1-ubyte.gz', MB);
    expect(parseIdx(out, 'train-labels-idx1-ubyte').data).toEqual(Uint8Array.from([7, 8, 9]));
  });

  it('refuses before inflating when the trailer says it is too large', () => {
    const gz = gzipSync(new Uint8Array(3 * MB));
    expect(() => gunzip(gz, 'big.gz', 2 * MB)).toThrow(
      'big.gz says it unpacks to 3 MB, more than the 2 MB limit',
    );
  });

  it('refuses corrupt or truncated data', () => {
    const gz = gzipSync(strToU8('some text that compresses '.repeat(50)));
    const corrupt = gz.slice();
    corrupt.fill(0xff, 10, 30);
    expect(() => gunzip(corrupt, 'bad.gz', MB)).toThrow('bad.gz is not valid gzip data');
    expect(() => gunzip(gz.subarray(0, 40), 'cut.gz', 1e12)).toThrow('cut.gz is not valid gzip');
    expect(() => gunzip(strToU8('plain text file'), 'x.gz', MB)).toThrow('not valid gzip data');
  });
});

describe('readZip', () => {
  it('unpacks files and leaves out directories', () => {
    const zip = zipSync({
      'pets/': {},
      'pets/cat/1.png': strToU8('cat'),
      'pets/dog/2.png': strToU8('dog'),
    });
    const { entries, skipped } = readZip(zip, 'pets.zip', MB);
    expect(entries.map((entry) => [entry.path, text(entry.bytes)])).toEqual([
      ['pets/cat/1.png', 'cat'],
      ['pets/dog/2.png', 'dog'],
    ]);
    expect(skipped).toEqual([]);
  });

  it('reads stored (uncompressed) entries and an empty archive', () => {
    const zip = zipSync({ 'a.bin': [strToU8('abc'), { level: 0 }] });
    expect(text(readZip(zip, 'a.zip', MB).entries[0]!.bytes)).toBe('abc');
    expect(readZip(zipSync({}), 'empty.zip', MB)).toEqual({ entries: [], skipped: [] });
  });

  it('skips absolute paths and .. segments', () => {
    const zip = renameInZip(
      zipSync({
        'xx/evil.png': strToU8('1'),
        'yyyy/ok.png': strToU8('2'),
        'zzzzzz/x.png': strToU8('3'),
      }),
      'xx/evil.png',
      '../evil.png',
    );
    const crafted = renameInZip(
      renameInZip(zip, 'yyyy/ok.png', '/abs/ok.png'),
      'zzzzzz/x.png',
      'C:\\win\\x.png',
    );
    const { entries, skipped } = readZip(crafted, 'evil.zip', MB);
    expect(entries).toEqual([]);
    expect(skipped).toEqual([
      { path: '../evil.png', reason: 'unsafe path inside the archive' },
      { path: '/abs/ok.png', reason: 'unsafe path inside the archive' },
      { path: 'C:\\win\\x.png', reason: 'unsafe path inside the archive' },
    ]);
  });

  it('refuses an archive that would unpack past the cap', () => {
    const zip = zipSync({ 'a.bin': new Uint8Array(2 * MB), 'b.bin': new Uint8Array(2 * MB) });
    expect(() => readZip(zip, 'bomb.zip', 3 * MB)).toThrow(
      'bomb.zip would unpack to more than 3 MB (a zip bomb?)',
    );
  });

  it('does not let an entry that lies about its size past the cap', () => {
    // Stored entry whose declared size (1 byte) is smaller than its 2 MB of data.
    const zip = zipSync({ 'a.bin': [new Uint8Array(2 * MB), { level: 0 }] });
    const view = new DataView(zip.buffer);
    for (let i = 0; i + 4 <= zip.length; i++) {
      const signature = view.getUint32(i, true);
      if (signature === 0x04034b50) view.setUint32(i + 22, 1, true);
      if (signature === 0x02014b50) view.setUint32(i + 24, 1, true);
    }
    expect(() => readZip(zip, 'liar.zip', MB)).toThrow('liar.zip would unpack to more than 1 MB');
  });

  it('refuses what is not a zip, or a damaged one', () => {
    expect(() => readZip(strToU8('not a zip at all'), 'fake.zip', MB)).toThrow(
      'fake.zip is not a zip archive',
    );
    const zip = zipSync({ 'a.txt': strToU8('a') });
    expect(() => readZip(zip.subarray(0, 20), 'cut.zip', MB)).toThrow(
      'cut.zip is not a zip archive, or it is damaged',
    );
  });
});

describe('readTar', () => {
  it('unpacks regular files only', () => {
    const tar = createTar([
      { name: 'cifar-10-batches-bin/' },
      { name: 'cifar-10-batches-bin/batches.meta.txt', data: 'airplane\n' },
      { name: 'cifar-10-batches-bin/data_batch_1.bin', data: new Uint8Array(3073) },
    ]);
    const { entries, skipped } = readTar(tar, 'cifar.tar', MB);
    expect(entries.map((entry) => [entry.path, entry.bytes.length])).toEqual([
      ['cifar-10-batches-bin/batches.meta.txt', 9],
      ['cifar-10-batches-bin/data_batch_1.bin', 3073],
    ]);
    expect(skipped).toEqual([]);
  });

  it('reports unsafe paths that the tar reader would quietly clean', () => {
    const tar = createTar([
      { name: '../escape.png', data: 'x' },
      { name: '/etc/abs.png', data: 'y' },
      { name: 'ok.png', data: 'z' },
    ]);
    const { entries, skipped } = readTar(tar, 'evil.tar', MB);
    expect(entries.map((entry) => entry.path)).toEqual(['ok.png']);
    expect(skipped.map((item) => item.path)).toEqual(['../escape.png', '/etc/abs.png']);
  });

  it('reads a tar that is a view into a larger buffer', () => {
    const tar = createTar([{ name: 'a.txt', data: 'inner' }]);
    const padded = new Uint8Array(tar.length + 512);
    padded.set(tar, 512);
    expect(text(readTar(padded.subarray(512), 'v.tar', MB).entries[0]!.bytes)).toBe('inner');
  });

  it('refuses a tar past the cap, a truncated tar and a non-tar', () => {
    const tar = createTar([{ name: 'big.bin', data: new Uint8Array(2 * MB) }]);
    expect(() => readTar(tar, 'big.tar', MB)).toThrow('big.tar would unpack to more than 1 MB');
    expect(() => readTar(tar.subarray(0, 4096), 'cut.tar', 10 * MB)).toThrow(
      'cut.tar is not a valid tar archive, or it is truncated',
    );
    expect(() => readTar(strToU8('hello'), 'x.tar', MB)).toThrow('x.tar is not a tar archive');
  });
});

describe('unpack', () => {
  it('unpacks a .tar.gz', () => {
    const tgz = gzipSync(createTar([{ name: 'd/test_batch.bin', data: new Uint8Array(3073) }]));
    const { entries } = unpack(tgz, 'cifar-10-binary.tar.gz', MB);
    expect(entries.map((entry) => entry.path)).toEqual(['d/test_batch.bin']);
  });

  it('turns a single gzip file into one entry without .gz', () => {
    const { entries } = unpack(gzipSync(strToU8('idx')), 'dl/train-images-idx3-ubyte.gz', MB);
    expect(entries).toEqual([{ path: 'dl/train-images-idx3-ubyte', bytes: strToU8('idx') }]);
  });

  it('unpacks zip and tar by content, whatever the name', () => {
    expect(unpack(zipSync({ 'a.png': strToU8('a') }), 'download', MB).entries).toHaveLength(1);
    expect(unpack(createTar([{ name: 'a.png', data: 'a' }]), 'x.zip', MB).entries).toHaveLength(1);
  });

  it('refuses other files, recognising a web page', () => {
    expect(() => unpack(strToU8('just text'), 'notes.zip', MB)).toThrow(
      'notes.zip is not an archive (zip, tar or gzip)',
    );
    expect(() => unpack(strToU8('\n<!DOCTYPE html><html>404</html>'), 'data.tar.gz', MB)).toThrow(
      'it is a web page (HTML)',
    );
  });
});
