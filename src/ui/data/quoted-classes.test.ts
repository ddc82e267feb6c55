import { describe, expect, it } from 'vitest';
import { quotedClasses } from './quoted-classes';

describe('quotedClasses', () => {
  it('picks out each quoted class name and keeps the rest as text', () => {
    expect(
      quotedClasses('Class "cat" has 9, more than the 1 of class "dog".', ['cat', 'dog']),
    ).toEqual([
      { text: 'Class "' },
      { className: 'cat' },
      { text: '" has 9, more than the 1 of class "' },
      { className: 'dog' },
      { text: '".' },
    ]);
  });

  it('prefers the longer of two names that start alike, and leaves unquoted names alone', () => {
    expect(quotedClasses('cat: "cat food"', ['cat', 'cat food'])).toEqual([
      { text: 'cat: "' },
      { className: 'cat food' },
      { text: '"' },
    ]);
  });

  it('is one text part when no class is quoted', () => {
    expect(quotedClasses('No class has examples.', ['a'])).toEqual([
      { text: 'No class has examples.' },
    ]);
  });
});
