import { describe, expect, it } from 'vitest';
import { flatten } from './flatten';

describe('flatten', () => {
  it('multiplies out every non-batch dimension', () => {
    expect(flatten.inferShape([[null, 4, 4, 16]], {})).toEqual([null, 256]);
  });

  it('offers to remove itself from data that is already flat, which tfjs refuses', () => {
    expect(flatten.inferShape([[null, 10]], {})).toEqual({
      problem:
        'The data is already a flat list of 10 values, so Flatten has nothing to do; remove it.',
      fix: { label: 'Remove it and keep the wire', bypass: true },
    });
  });
});
