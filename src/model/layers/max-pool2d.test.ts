import { describe, expect, it } from 'vitest';
import type { LayerConfigs } from '../../shared/model-spec';
import { maxPool2d } from './max-pool2d';

const config = (changes: Partial<LayerConfigs['maxPool2d']> = {}) => ({
  ...maxPool2d.defaults,
  ...changes,
});

describe('maxPool2d', () => {
  it('halves height and width and keeps channels by default', () => {
    expect(maxPool2d.inferShape([[null, 24, 24, 8]], config())).toEqual([null, 12, 12, 8]);
  });

  it("rounds down with 'valid' padding and up with 'same'", () => {
    expect(maxPool2d.inferShape([[null, 7, 7, 4]], config())).toEqual([null, 3, 3, 4]);
    expect(maxPool2d.inferShape([[null, 7, 7, 4]], config({ padding: 'same' }))).toEqual([
      null,
      4,
      4,
      4,
    ]);
    expect(maxPool2d.inferShape([[null, 7, 7, 4]], config({ poolSize: 3, strides: 1 }))).toEqual([
      null,
      5,
      5,
      4,
    ]);
  });

  it('explains a window larger than its input', () => {
    expect(maxPool2d.inferShape([[null, 1, 1, 16]], config())).toMatchObject({
      problem: expect.stringContaining(
        'The 2×2 pooling window is larger than its 1×1×16 input, so it fits nowhere.',
      ) as unknown,
      fix: { label: "Use padding 'same'", config: { padding: 'same' } },
    });
  });

  it('refuses a pool size below 1', () => {
    expect(maxPool2d.inferShape([[null, 8, 8, 1]], config({ poolSize: 0 }))).toMatchObject({
      problem: expect.stringContaining('Pool size must be a whole number') as unknown,
    });
  });

  it('has no parameters and no multiply-adds', () => {
    expect(maxPool2d.params([[null, 24, 24, 8]], config())).toBe(0);
    expect(maxPool2d.flops([[null, 24, 24, 8]], [null, 12, 12, 8], config())).toBe(0);
  });
});
