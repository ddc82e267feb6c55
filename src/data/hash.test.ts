import { describe, expect, it } from 'vitest';
import { fingerprint, hashBytes } from './hash';

describe('fingerprint', () => {
  const labels = Uint8Array.from([0, 1, 2, 1]);
  const pixels = Uint8Array.from({ length: 4 * 9 }, (_, i) => (i * 37) % 256);

  it('is 16 hex characters and the same for the same data', () => {
    const print = fingerprint(labels, pixels);
    expect(print).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint(labels.slice(), pixels.slice())).toBe(print);
  });

  it('changes when one label or one pixel changes', () => {
    const print = fingerprint(labels, pixels);
    const relabelled = labels.slice();
    relabelled[2] = 0;
    expect(fingerprint(relabelled, pixels)).not.toBe(print);
    const repainted = pixels.slice();
    repainted[35] = (repainted[35]! + 1) % 256;
    expect(fingerprint(labels, repainted)).not.toBe(print);
  });

  it('tells apart data that differ only in where labels end and pixels begin', () => {
    const joined = Uint8Array.from([...labels, ...pixels]);
    expect(fingerprint(joined.subarray(0, 5), joined.subarray(5))).not.toBe(
      fingerprint(labels, pixels),
    );
  });

  it('hashes a view the same as a copy', () => {
    const buffer = new Uint8Array(3 + pixels.length);
    buffer.set(pixels, 3);
    expect(fingerprint(labels, buffer.subarray(3))).toBe(fingerprint(labels, pixels));
  });
});

describe('hashBytes', () => {
  it('differs for different ranges of the same bytes', () => {
    const bytes = Uint8Array.from({ length: 64 }, (_, i) => i);
    expect(hashBytes(bytes, 0, 32)).not.toEqual(hashBytes(bytes, 32, 64));
  });

  it('gives equal bytes the same hash wherever they lie', () => {
    const bytes = Uint8Array.from({ length: 66 }, (_, i) => i % 33);
    expect(hashBytes(bytes, 0, 33)).toEqual(hashBytes(bytes, 33, 66));
  });
});
