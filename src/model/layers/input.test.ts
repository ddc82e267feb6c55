import { describe, expect, it } from 'vitest';
import { input } from './input';

describe('input', () => {
  it('adds the batch dimension to the configured image shape', () => {
    expect(input.inferShape([], { shape: [32, 32, 3] })).toEqual([null, 32, 32, 3]);
  });

  it('refuses an empty image size', () => {
    expect(input.inferShape([], { shape: [0, 28, 1] })).toMatchObject({
      problem: expect.stringContaining('Input height must be a whole number') as unknown,
    });
  });
});
