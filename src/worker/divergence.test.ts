import { describe, expect, it } from 'vitest';
import { DivergenceWatch, divergenceMessage } from './divergence';

describe('DivergenceWatch', () => {
  it('stops at once on a NaN or infinite loss', () => {
    expect(new DivergenceWatch(10).observe(Number.NaN)).toBe(true);
    expect(new DivergenceWatch(10).observe(Number.POSITIVE_INFINITY)).toBe(true);
  });

  it('stops when the loss stays far above a random guess for two windows', () => {
    const watch = new DivergenceWatch(10);
    expect(watch.observe(14.6)).toBe(false);
    expect(watch.observe(14.4)).toBe(true);
  });

  it('lets a healthy run, and a single spike, carry on', () => {
    const watch = new DivergenceWatch(10);
    for (const loss of [2.4, 2.1, 12, 1.5, 0.9, 11, 0.4]) expect(watch.observe(loss)).toBe(false);
  });

  it('explains what happened and what to try', () => {
    expect(divergenceMessage(Number.NaN, 10)).toMatch(/became NaN.*learning rate 10× lower/);
    expect(divergenceMessage(14.6, 10)).toMatch(
      /blew up to 14\.60 \(a random guess scores 2\.30\)/,
    );
  });
});
