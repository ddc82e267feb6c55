import { describe, expect, it } from 'vitest';
import { invert, niceDomain, niceTicks, project, tickStep } from './scale';

describe('linear scale', () => {
  const scale = { domain: [0, 100], range: [40, 240] } as const;

  it('maps data to pixels and back', () => {
    expect(project(scale, 0)).toBe(40);
    expect(project(scale, 50)).toBe(140);
    expect(invert(scale, 240)).toBe(100);
    expect(invert(scale, project(scale, 37))).toBeCloseTo(37);
  });

  it('flips for a y axis whose pixels grow downwards', () => {
    const y = { domain: [0, 1], range: [200, 10] } as const;
    expect(project(y, 1)).toBe(10);
    expect(project(y, 0.5)).toBe(105);
  });

  it('puts every value of a zero-width domain in the middle', () => {
    expect(project({ domain: [3, 3], range: [0, 100] }, 3)).toBe(50);
  });
});

describe('nice ticks', () => {
  it('steps by 1, 2 or 5 times a power of ten', () => {
    expect(tickStep(1, 5)).toBeCloseTo(0.2);
    expect(tickStep(1, 2)).toBeCloseTo(0.5);
    expect(tickStep(970, 5)).toBe(200);
    expect(tickStep(0.0004, 4)).toBeCloseTo(0.0001);
  });

  it('lists round values inside the range without binary noise', () => {
    expect(niceTicks(0, 1, 5)).toEqual({ values: [0, 0.2, 0.4, 0.6, 0.8, 1], step: 0.2 });
    expect(niceTicks(0.13, 0.71, 3).values).toEqual([0.2, 0.4, 0.6]);
  });

  it('keeps step ticks whole', () => {
    expect(niceTicks(0, 4, 10, true).values).toEqual([0, 1, 2, 3, 4]);
    expect(niceTicks(0, 1234, 2, true).values).toEqual([0, 500, 1000]);
  });

  it('gives a single tick for an empty range', () => {
    expect(niceTicks(2, 2, 5).values).toEqual([2]);
  });
});

describe('nice domain', () => {
  it('widens a loss range to round ends', () => {
    expect(niceDomain(0.27, 2.31, 4)).toEqual([0, 2.5]);
  });

  it('ends on ticks of the step the widened range gets', () => {
    const [min, max] = niceDomain(0.648, 2.15, 5);
    const { values } = niceTicks(min, max, 5);
    expect([values[0], values.at(-1)]).toEqual([min, max]);
    expect(min).toBeLessThanOrEqual(0.648);
    expect(max).toBeGreaterThanOrEqual(2.15);
  });

  it('gives a constant learning rate a little room around it', () => {
    const [min, max] = niceDomain(0.002, 0.002, 4);
    expect(min).toBeLessThan(0.002);
    expect(max).toBeGreaterThan(0.002);
    expect(max - min).toBeLessThan(0.001);
  });

  it('falls back to 0–1 for values that are not finite', () => {
    expect(niceDomain(Number.NaN, 1, 4)).toEqual([0, 1]);
  });
});
