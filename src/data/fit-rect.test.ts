import { describe, expect, it } from 'vitest';
import { fitRect } from './fit-rect';

describe('fitRect', () => {
  it('stretch takes the whole image and fills the whole target', () => {
    expect(fitRect(300, 200, 64, 64, 'stretch')).toEqual({
      sx: 0,
      sy: 0,
      sw: 300,
      sh: 200,
      dx: 0,
      dy: 0,
      dw: 64,
      dh: 64,
    });
  });

  it('crop takes the centred square of a landscape photo', () => {
    expect(fitRect(300, 200, 64, 64, 'crop')).toEqual({
      sx: 50,
      sy: 0,
      sw: 200,
      sh: 200,
      dx: 0,
      dy: 0,
      dw: 64,
      dh: 64,
    });
  });

  it('crop takes the centred band of a portrait photo for a wide target', () => {
    // 100×400 into 2:1 → a 100×50 band around the middle.
    expect(fitRect(100, 400, 64, 32, 'crop')).toMatchObject({ sx: 0, sy: 175, sw: 100, sh: 50 });
  });

  it('pad letterboxes a landscape photo with bars above and below', () => {
    expect(fitRect(300, 200, 60, 60, 'pad')).toEqual({
      sx: 0,
      sy: 0,
      sw: 300,
      sh: 200,
      dx: 0,
      dy: 10,
      dw: 60,
      dh: 40,
    });
  });

  it('pad puts bars left and right of a portrait photo', () => {
    expect(fitRect(200, 400, 64, 64, 'pad')).toMatchObject({ dx: 16, dy: 0, dw: 32, dh: 64 });
  });

  it('leaves an image of the same aspect ratio whole, whatever the policy', () => {
    for (const aspect of ['stretch', 'crop', 'pad'] as const) {
      expect(fitRect(256, 256, 32, 32, aspect)).toEqual({
        sx: 0,
        sy: 0,
        sw: 256,
        sh: 256,
        dx: 0,
        dy: 0,
        dw: 32,
        dh: 32,
      });
    }
  });

  it('never gives a rectangle thinner than one pixel or outside the image', () => {
    const crop = fitRect(10_000, 1, 8, 8, 'crop');
    expect(crop.sw).toBe(1);
    expect(crop.sx + crop.sw).toBeLessThanOrEqual(10_000);
    const pad = fitRect(10_000, 1, 8, 8, 'pad');
    expect(pad.dh).toBe(1);
    expect(pad.dy + pad.dh).toBeLessThanOrEqual(8);
  });

  it('keeps every crop inside the image and every placement inside the target', () => {
    for (const [w, h] of [
      [3, 7],
      [640, 480],
      [479, 641],
      [1, 1],
    ] as const) {
      for (const [tw, th] of [
        [28, 28],
        [32, 16],
        [5, 9],
      ] as const) {
        for (const aspect of ['stretch', 'crop', 'pad'] as const) {
          const r = fitRect(w, h, tw, th, aspect);
          expect(r.sx).toBeGreaterThanOrEqual(0);
          expect(r.sy).toBeGreaterThanOrEqual(0);
          expect(r.sx + r.sw).toBeLessThanOrEqual(w);
          expect(r.sy + r.sh).toBeLessThanOrEqual(h);
          expect(r.dx + r.dw).toBeLessThanOrEqual(tw);
          expect(r.dy + r.dh).toBeLessThanOrEqual(th);
          expect(Math.min(r.sw, r.sh, r.dw, r.dh)).toBeGreaterThanOrEqual(1);
        }
      }
    }
  });

  it('names the size that is not a whole number of pixels', () => {
    expect(() => fitRect(0, 10, 8, 8, 'crop')).toThrow(/source width .* \(got 0\)/);
    expect(() => fitRect(10, 10, 8.5, 8, 'crop')).toThrow(/target width/);
  });
});
