import { describe, it, expect } from 'vitest';
import { createRng, shuffleInPlace } from './random';

const draw = (seed: number, n: number) => Array.from({ length: n }, createRng(seed));

describe('createRng', () => {
  it('repeats the same sequence for the same seed', () => {
    expect(draw(42, 100)).toEqual(draw(42, 100));
  });

  it('gives different sequences for different seeds', () => {
    expect(draw(42, 10)).not.toEqual(draw(43, 10));
  });

  it('stays in [0, 1) and spreads across it', () => {
    const values = draw(7, 10_000);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
    const deciles = new Array<number>(10).fill(0);
    for (const v of values) deciles[Math.floor(v * 10)]!++;
    for (const n of deciles) expect(n).toBeGreaterThan(900);
  });

  it('matches the published mulberry32, so a saved seed means the same split everywhere', () => {
    // Outputs of bryc's reference implementation (github.com/bryc/code, PRNGs.md).
    expect(draw(1, 3)).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
    expect(draw(0, 1)).toEqual([0.26642920868471265]);
  });

  it('rejects non-integer seeds', () => {
    expect(() => createRng(1.5)).toThrow(/integer/);
    expect(() => createRng(Number.NaN)).toThrow(/integer/);
  });
});

describe('shuffleInPlace', () => {
  it('permutes plain and typed arrays deterministically', () => {
    const a = shuffleInPlace(
      Array.from({ length: 50 }, (_, i) => i),
      createRng(3),
    );
    const b = shuffleInPlace(
      Uint32Array.from({ length: 50 }, (_, i) => i),
      createRng(3),
    );
    expect(Array.from(b)).toEqual(a);
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(a).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('leaves empty and single-element arrays alone', () => {
    expect(shuffleInPlace([], createRng(1))).toEqual([]);
    expect(shuffleInPlace(['x'], createRng(1))).toEqual(['x']);
  });
});
