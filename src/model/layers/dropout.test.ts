import { describe, expect, it } from 'vitest';
import { dropout } from './dropout';

describe('dropout', () => {
  it('passes its input shape through and has nothing to learn', () => {
    const shape = [null, 64];
    expect(dropout.inferShape([shape], { rate: 0.5 })).toEqual(shape);
    expect(dropout.params([shape], { rate: 0.5 })).toBe(0);
  });

  it('accepts a rate of 0', () => {
    expect(dropout.inferShape([[null, 64]], { rate: 0 })).toEqual([null, 64]);
  });

  it.each([1, -0.1, 1.5, NaN])('refuses a rate of %s', (rate) => {
    expect(dropout.inferShape([[null, 64]], { rate })).toMatchObject({
      problem: expect.stringContaining('Dropout rate must be at least 0 and below 1') as unknown,
    });
  });
});
