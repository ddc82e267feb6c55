import { describe, expect, it } from 'vitest';
import { parseNumber, problemsAbout, rangeProblem } from './field-check';

const rate = { key: 'rate', label: 'Rate', type: 'number', min: 0, max: 0.99 } as const;
const units = { key: 'units', label: 'Units', type: 'int', min: 1 } as const;

describe('field checks', () => {
  it('parses numbers the way people type them', () => {
    expect(parseNumber('1e-3')).toBe(0.001);
    expect(parseNumber(' 0.5 ')).toBe(0.5);
    expect(parseNumber('')).toBeUndefined();
    expect(parseNumber('abc')).toBeUndefined();
  });

  it('explains values outside the declared range', () => {
    expect(rangeProblem(rate, 0.5)).toBeUndefined();
    expect(rangeProblem(rate, 1.5)).toBe('Rate must be from 0 to 0.99.');
    expect(rangeProblem(units, 0)).toBe('Units must be at least 1.');
    expect(rangeProblem(units, 2.5)).toBe('Units must be a whole number.');
    expect(rangeProblem(units, undefined)).toBe('Units must be a number.');
  });

  it('finds the analysis problems that name a field', () => {
    const problems = ['conv: Kernel size 7 is larger than the 5×5 input.', 'conv: not connected.'];
    expect(
      problemsAbout({ key: 'kernelSize', label: 'Kernel size', type: 'int' }, problems),
    ).toEqual([problems[0]]);
  });
});
