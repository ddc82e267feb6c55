import { describe, expect, it } from 'vitest';
import { centreCrop } from './centre-crop';

describe('the centre crop of a camera frame', () => {
  it('cuts a square from the middle of a wide frame', () => {
    expect(centreCrop(640, 480, [64, 64, 3])).toEqual({ x: 80, y: 0, width: 480, height: 480 });
  });

  it('cuts a wide strip from a tall frame', () => {
    expect(centreCrop(480, 640, [32, 64, 3])).toEqual({ x: 0, y: 200, width: 480, height: 240 });
  });
});
