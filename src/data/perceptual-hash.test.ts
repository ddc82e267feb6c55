import { describe, it, expect } from 'vitest';
import {
  dHash,
  grayCells,
  hamming64,
  popCount32,
  thumbnail,
  thumbnailDistance,
} from './perceptual-hash';

/** A size×size RGB image whose brightness comes from `value(x, y)`. */
function makeImage(size: number, value: (x: number, y: number) => number): Uint8Array {
  const pixels = new Uint8Array(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const v = Math.max(0, Math.min(255, Math.round(value(x, y))));
      pixels.set([v, v, v], (y * size + x) * 3);
    }
  }
  return pixels;
}

const blob = (x: number, y: number) =>
  128 + 100 * Math.sin(x / 5) * Math.cos(y / 7) + (x > 20 && y < 12 ? 60 : 0);

describe('dHash', () => {
  it('gives two unsigned 32-bit words', () => {
    const hash = dHash(makeImage(32, blob), 0, [32, 32, 3]);
    expect(hash).toHaveLength(2);
    for (const word of hash) {
      expect(Number.isInteger(word)).toBe(true);
      expect(word).toBeGreaterThanOrEqual(0);
      expect(word).toBeLessThan(2 ** 32);
    }
  });

  it('sets every bit when brightness falls from left to right, none when it rises', () => {
    expect(
      dHash(
        makeImage(36, (x) => 255 - x * 7),
        0,
        [36, 36, 3],
      ),
    ).toEqual([0xffffffff, 0xffffffff]);
    expect(
      dHash(
        makeImage(36, (x) => x * 7),
        0,
        [36, 36, 3],
      ),
    ).toEqual([0, 0]);
  });

  it('reads the image at the given offset', () => {
    const image = makeImage(32, blob);
    const packed = new Uint8Array(image.length * 2);
    packed.set(image, image.length);
    expect(dHash(packed, image.length, [32, 32, 3])).toEqual(dHash(image, 0, [32, 32, 3]));
  });

  it('barely changes under brightness shifts and noise, but changes for another picture', () => {
    const hash = dHash(makeImage(64, blob), 0, [64, 64, 3]);
    const brighter = dHash(
      makeImage(64, (x, y) => blob(x, y) + 20),
      0,
      [64, 64, 3],
    );
    const noisy = dHash(
      makeImage(64, (x, y) => blob(x, y) + (((x * 31 + y * 17) % 7) - 3)),
      0,
      [64, 64, 3],
    );
    const other = dHash(
      makeImage(64, (x, y) => 128 + 100 * Math.cos(x / 3 + y / 4)),
      0,
      [64, 64, 3],
    );
    expect(hamming64(hash, brighter)).toBeLessThanOrEqual(4);
    expect(hamming64(hash, noisy)).toBeLessThanOrEqual(4);
    expect(hamming64(hash, other)).toBeGreaterThan(10);
  });

  it('handles grayscale and images smaller than the 9×8 grid', () => {
    const gray = Uint8Array.from({ length: 4 * 5 }, (_, i) => 255 - (i % 5) * 50);
    expect(dHash(gray, 0, [4, 5, 1])[0]).not.toBe(0);
  });
});

describe('hamming64', () => {
  it('counts differing bits in both words', () => {
    expect(hamming64([0, 0], [0, 0])).toBe(0);
    expect(hamming64([0xffffffff, 0], [0, 0xffffffff])).toBe(64);
    expect(hamming64([0b1011, 1], [0b0001, 0])).toBe(3);
  });

  it('pop-counts 32-bit words', () => {
    expect(popCount32(0)).toBe(0);
    expect(popCount32(0xffffffff)).toBe(32);
    expect(popCount32(0x80000001)).toBe(2);
  });
});

describe('grayCells', () => {
  it('averages each box of the image', () => {
    // 2×4 grayscale: left half 0 and 100, right half 200.
    const gray = Uint8Array.from([0, 100, 200, 200, 0, 100, 200, 200]);
    expect([...grayCells(gray, 0, [2, 4, 1], 1, 2)]).toEqual([50, 200]);
  });
});

describe('thumbnail', () => {
  const colourful = (x: number, y: number) => [x * 8, y * 8, 255 - x * 4];
  function makeColourImage(shift: number, swap = false): Uint8Array {
    const pixels = new Uint8Array(32 * 32 * 3);
    for (let y = 0; y < 32; y++) {
      for (let x = 0; x < 32; x++) {
        const [r, g, b] = colourful(x, y).map((v) => Math.min(255, v + shift)) as [
          number,
          number,
          number,
        ];
        pixels.set(swap ? [b, g, r] : [r, g, b], (y * 32 + x) * 3);
      }
    }
    return pixels;
  }

  it('stays close for a uniformly brighter copy and not for other colours', () => {
    const base = thumbnail(makeColourImage(0), 0, [32, 32, 3]);
    expect(base).toHaveLength(16 * 16 * 3);
    expect(thumbnailDistance(base, thumbnail(makeColourImage(10), 0, [32, 32, 3]))).toBeLessThan(2);
    expect(
      thumbnailDistance(base, thumbnail(makeColourImage(0, true), 0, [32, 32, 3])),
    ).toBeGreaterThan(20);
  });
});
