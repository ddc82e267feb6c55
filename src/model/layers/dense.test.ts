import { describe, expect, it } from 'vitest';
import { dense } from './dense';

const config = { ...dense.defaults, units: 64, activation: 'relu', useBias: true } as const;

describe('dense', () => {
  it('maps a flat input to one value per unit', () => {
    expect(dense.inferShape([[null, 256]], config)).toEqual([null, 64]);
  });

  it('asks for a Flatten before an image input', () => {
    expect(dense.inferShape([[null, 4, 4, 16]], config)).toEqual({
      problem:
        'Dense needs a flat input, but it gets a 4×4×16 feature map; insert Flatten (or GlobalAvgPool2D) before it.',
      fix: { label: 'Insert Flatten', insertBefore: 'flatten' },
    });
  });

  it.each([0, 1.5, -3])('refuses %s units', (units) => {
    expect(dense.inferShape([[null, 256]], { ...config, units })).toMatchObject({
      problem: `Units must be a whole number of at least 1, but it is ${units}.`,
    });
  });

  it('counts a weight per input and unit, plus a bias per unit', () => {
    expect(dense.params([[null, 256]], config)).toBe(256 * 64 + 64);
    expect(dense.params([[null, 256]], { ...config, useBias: false })).toBe(256 * 64);
  });

  it('counts two FLOPs per weight', () => {
    expect(dense.flops([[null, 256]], [null, 64], config)).toBe(2 * 256 * 64);
  });
});
