import { describe, expect, it } from 'vitest';
import { flatten } from './flatten';

describe('flatten', () => {
  it('multiplies out every non-batch dimension', () => {
    expect(flatten.inferShape([[null, 4, 4, 16]], {})).toEqual([null, 256]);
    expect(flatten.inferShape([[null, 10]], {})).toEqual([null, 10]);
  });
});
