import { describe, expect, it } from 'vitest';
import { cameraProblem } from './camera-errors';

const failure = (name: string) => Object.assign(new Error('x'), { name });

describe('cameraProblem', () => {
  it('tells a refused permission from a missing camera', () => {
    expect(cameraProblem(failure('NotAllowedError'))).toMatch(/refused/);
    expect(cameraProblem(failure('NotFoundError'))).toMatch(/No camera was found/);
    expect(cameraProblem(failure('NotReadableError'))).toMatch(/busy/);
    expect(cameraProblem('odd')).toBe('The camera could not start.');
  });
});
