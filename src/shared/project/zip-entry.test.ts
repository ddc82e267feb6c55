import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { entryPrefix, findZipEntry } from './zip-entry';

const text = strToU8('hello, zip entry '.repeat(100));

describe('findZipEntry', () => {
  it('finds an entry through the directory, stored or deflated, without unpacking it', () => {
    const zip = zipSync({ 'a.txt': [strToU8('first'), { level: 0 }], 'b/c.txt': text });
    expect(findZipEntry(zip, 'a.txt')).toMatchObject({ compression: 0, originalSize: 5 });
    const deflated = findZipEntry(zip, 'b/c.txt')!;
    expect(deflated).toMatchObject({ compression: 8, originalSize: text.length });
    expect(deflated.data.length).toBeLessThan(text.length);
  });

  it('gives null for a missing entry and for a zip whose end is cut off', () => {
    const zip = zipSync({ 'a.txt': text });
    expect(findZipEntry(zip, 'b.txt')).toBeNull();
    expect(findZipEntry(zip.subarray(0, zip.length - 30), 'a.txt')).toBeNull();
  });
});

describe('entryPrefix', () => {
  it('reads the first bytes of a stored or deflated entry', () => {
    for (const level of [0, 6] as const) {
      const entry = findZipEntry(zipSync({ 'c.txt': [text, { level }] }), 'c.txt')!;
      expect(new TextDecoder().decode(entryPrefix(entry, 12))).toBe('hello, zip e');
    }
  });

  it('stops once it has them, however far the entry would unpack', () => {
    const zeros = new Uint8Array(16 * 1024 * 1024);
    zeros[0] = 7;
    const entry = findZipEntry(zipSync({ 'z.bin': zeros }), 'z.bin')!;
    expect([...entryPrefix(entry, 4)]).toEqual([7, 0, 0, 0]);
    expect(entryPrefix({ ...entry, data: entry.data.subarray(0, 0) }, 4)).toHaveLength(0);
  });

  it('says when the entry is packed some other way', () => {
    const entry = { compression: 14, data: text, originalSize: text.length };
    expect(() => entryPrefix(entry, 4)).toThrow('unknown method (14)');
  });
});
