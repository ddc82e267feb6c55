import { describe, expect, it } from 'vitest';
import {
  alternation,
  framesPerSecond,
  growthPercent,
  median,
  ratio,
  steadyRate,
} from './stats.mjs';

describe('median', () => {
  it('takes the middle value of an odd count and the mean of the middle two of an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('leaves out values that are not finite, and is null when none are left', () => {
    expect(median([NaN, 5, Infinity, 1])).toBe(3);
    expect(median([])).toBeNull();
    expect(median([NaN])).toBeNull();
  });

  it('does not reorder the caller’s list', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('ratio', () => {
  it('divides', () => {
    expect(ratio(150, 100)).toBe(1.5);
  });

  it('is null when either side is missing or the divisor is not above 0', () => {
    expect(ratio(null, 100)).toBeNull();
    expect(ratio(100, null)).toBeNull();
    expect(ratio(100, 0)).toBeNull();
    expect(ratio(NaN, 1)).toBeNull();
  });
});

describe('alternation', () => {
  it('runs every contender once per repetition, rotating who goes first', () => {
    const order = alternation(['A', 'B', 'C'], 3).map((r) => `${r.rep}${r.contender}`);
    expect(order).toEqual(['0A', '0B', '0C', '1B', '1C', '1A', '2C', '2A', '2B']);
  });

  it('gives each contender each position once over as many repetitions as contenders', () => {
    const runs = alternation(['A', 'B', 'C'], 3);
    for (const contender of ['A', 'B', 'C']) {
      const positions = runs.map((r, i) => (r.contender === contender ? i % 3 : -1));
      expect(positions.filter((p) => p >= 0).sort()).toEqual([0, 1, 2]);
    }
  });

  it('is empty with no repetitions', () => {
    expect(alternation(['A'], 0)).toEqual([]);
  });
});

describe('steadyRate', () => {
  const marks = [
    { t: 0, step: 0 },
    { t: 5000, step: 10 }, // warm-up: shaders compile, left out
    { t: 6000, step: 20 },
    { t: 7000, step: 30 },
  ];

  it('counts examples per second after the first interval', () => {
    // 20 steps of 32 in 2 s.
    expect(steadyRate(marks, 32)).toBe(320);
  });

  it('leaves out the time of a pause such as a validation pass, not the steps around it', () => {
    // 7 000 → 12 000: 10 steps, 4 s of them validation; 12 000 → 13 000: 10 more steps.
    const withPause = [...marks, { t: 12_000, step: 40 }, { t: 13_000, step: 50 }];
    const validation = { from: 7000, to: 11_000 };
    // 40 steps of 32 in 2 + 1 + 1 s.
    expect(steadyRate(withPause, 32, [validation])).toBe(320);
    // Work after the pause in the same interval counts: here 2 s for 10 steps.
    expect(steadyRate(withPause, 32, [{ from: 7000, to: 10_000 }])).toBe((40 * 32) / 5);
  });

  it('subtracts only the part of a pause inside the measured intervals', () => {
    // A pause across the warm-up and the next interval: 5 000 → 6 000 counts only 500 ms.
    expect(steadyRate(marks, 32, [{ from: 4000, to: 5500 }])).toBe((20 * 32) / 1.5);
  });

  it('leaves out time covered by overlapping pauses once', () => {
    const overlapping = [
      { from: 5000, to: 5800 },
      { from: 5500, to: 5900 },
    ];
    // 5 000 → 6 000 keeps 100 ms; 6 000 → 7 000 all of its second.
    expect(steadyRate(marks, 32, overlapping)).toBeCloseTo((20 * 32) / 1.1);
  });

  it('is null when nothing is left to measure', () => {
    expect(steadyRate(marks.slice(0, 2), 32)).toBeNull();
    expect(steadyRate([], 32)).toBeNull();
  });
});

describe('growthPercent', () => {
  it('is the change from the first value to the last', () => {
    expect(growthPercent([200, 250, 202])).toBe(1);
    expect(growthPercent([100, 100])).toBe(0);
  });

  it('is null with fewer than two values, or growth from nothing', () => {
    expect(growthPercent([5])).toBeNull();
    expect(growthPercent([0, 3])).toBeNull();
    expect(growthPercent([0, 0])).toBe(0);
  });
});

describe('framesPerSecond', () => {
  it('counts frames between the first timestamp and the last', () => {
    expect(framesPerSecond([0, 20, 40, 60])).toBe(50);
    expect(framesPerSecond([10])).toBeNull();
  });
});
