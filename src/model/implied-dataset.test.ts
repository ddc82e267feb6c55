import { describe, expect, it } from 'vitest';
import { impliedDataset } from './implied-dataset';
import { chain, layer } from './spec-builder';
import { starterNetwork } from './templates';

describe('impliedDataset', () => {
  it('reads the image shape from the Input and the classes from the output Dense', () => {
    expect(impliedDataset(starterNetwork())).toEqual({ shape: [28, 28, 1], classes: 10 });
  });

  it('falls back when the spec cannot say', () => {
    expect(impliedDataset(chain([layer('flatten', 'f')]))).toEqual({
      shape: [1, 1, 1],
      classes: 1,
    });
  });
});
