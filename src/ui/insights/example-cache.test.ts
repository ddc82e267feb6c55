import { describe, expect, it } from 'vitest';
import { ExampleCache } from './example-cache';

describe('ExampleCache', () => {
  it('keeps at most its limit, letting the least recently used go first', () => {
    const cache = new ExampleCache<string>(3);
    const digits = {};
    for (const index of [1, 2, 3]) cache.set(digits, 'validation', index, `image ${index}`);
    expect(cache.get(digits, 'validation', 1)).toBe('image 1');
    cache.set(digits, 'validation', 4, 'image 4');
    expect(cache.size).toBe(3);
    expect(cache.has(digits, 'validation', 2)).toBe(false);
    expect(cache.has(digits, 'validation', 1)).toBe(true);
  });

  it('stays bounded over a long run whose galleries show other examples at every epoch', () => {
    const cache = new ExampleCache<Uint8ClampedArray>(256);
    const digits = {};
    for (let epoch = 0; epoch < 100; epoch++) {
      for (let n = 0; n < 16; n++) {
        const index = (epoch * 16 + n) % 1000;
        if (!cache.has(digits, 'validation', index)) {
          cache.set(digits, 'validation', index, new Uint8ClampedArray(28 * 28 * 4));
        }
      }
    }
    expect(cache.size).toBe(256);
  });

  it('tells splits apart, and forgets every image when the dataset changes', () => {
    const cache = new ExampleCache<string>(10);
    const before = {};
    const after = {};
    cache.set(before, 'validation', 7, 'a validation seven');
    cache.set(before, 'test', 7, 'a test image');
    expect(cache.get(before, 'validation', 7)).toBe('a validation seven');
    expect(cache.get(before, 'test', 7)).toBe('a test image');
    expect(cache.get(after, 'validation', 7)).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
