import { describe, expect, it } from 'vitest';
import { pyCall, pyList, pyNumber, pyString, pyTuple } from './python-literal';

describe('python literals', () => {
  it('escapes quotes, backslashes and control characters as JSON does', () => {
    expect(pyString('say "hi"\\\n')).toBe('"say \\"hi\\"\\\\\\n"');
  });

  it('escapes characters that would hide or reorder what the source shows', () => {
    expect(pyString('a\u2028b\u202ec\u007f')).toBe('"a\\u2028b\\u202ec\\u007f"');
    expect(pyString('café 日本')).toBe('"café 日本"');
  });

  it('writes numbers Python reads back as the same double, and refuses the rest', () => {
    expect([1 / 255, 1e-7, 42, -1].map(pyNumber)).toEqual([
      '0.00392156862745098',
      '1e-7',
      '42',
      '-1',
    ]);
    expect(() => pyNumber(Number.NaN)).toThrow(/cannot be written/);
    expect(() => pyNumber(Infinity)).toThrow(/cannot be written/);
  });

  it('keeps the comma of a one-item tuple', () => {
    expect(pyTuple(['1'])).toBe('(1,)');
    expect(pyTuple(['1', '2'])).toBe('(1, 2)');
  });

  it('breaks a call or list that would pass 88 columns into one item per line', () => {
    expect(pyCall('f', ['x'], [['a', '1']])).toBe('f(x, a=1)');
    const items = Array.from({ length: 12 }, (_, i) => pyString(`class ${i}`));
    expect(pyList(items, { indent: 4, before: 'NAMES = ' })).toBe(
      `[\n${items.map((item) => `        ${item},\n`).join('')}    ]`,
    );
  });
});
