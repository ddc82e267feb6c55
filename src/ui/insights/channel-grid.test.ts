import { describe, expect, it } from 'vitest';
import { activationOf, gridColumns } from './ChannelGrid';

describe('channel grid', () => {
  it('fits as many channels to a row as 420 CSS pixels hold, at least one', () => {
    // 28 pixels and one between, at scale 1: 14 of 29 pixels fit in 421.
    expect(gridColumns(64, 28, 1)).toBe(14);
    // 7 pixels and one between, at scale 6: 8 of 48 pixels fit in 426.
    expect(gridColumns(64, 7, 6)).toBe(8);
    expect(gridColumns(3, 7, 6)).toBe(3);
    expect(gridColumns(10, 500, 1)).toBe(1);
  });

  it('fits fewer to a row in a narrower column, never more than 420 pixels hold', () => {
    // 7 pixels and one between, at scale 6: 4 of 48 pixels fit in 200 + 6.
    expect(gridColumns(64, 7, 6, 200)).toBe(4);
    expect(gridColumns(64, 7, 6, 2000)).toBe(8);
    expect(gridColumns(64, 7, 6, 0)).toBe(1);
  });

  it('reads height, width and channels off a channels-last shape', () => {
    const data = new Float32Array(12 * 10 * 8);
    expect(activationOf({ shape: [1, 12, 10, 8], data })).toEqual({
      data,
      height: 12,
      width: 10,
      channels: 8,
    });
    expect(activationOf({ shape: [1, 10], data: new Float32Array(10) })).toBeNull();
  });
});
