import type { AspectPolicy } from '../shared/dataset';

/**
 * Where an image of one size goes in a target of another: the source rectangle to take
 * (sx, sy, sw, sh) and the target rectangle it is scaled into (dx, dy, dw, dh), in pixels.
 */
export interface FitRect {
  sx: number;
  sy: number;
  sw: number;
  sh: number;
  dx: number;
  dy: number;
  dw: number;
  dh: number;
}

/**
 * Fits a `srcWidth`×`srcHeight` image into `dstWidth`×`dstHeight`:
 * - 'stretch' takes the whole image and fills the whole target (the aspect ratio changes);
 * - 'crop' takes the largest centred part with the target's aspect ratio and fills the target;
 * - 'pad' takes the whole image and centres it at the largest size that fits, leaving bars
 *   (the letterbox) for the caller to fill.
 *
 * Every value is a whole number, at least 1 for sizes, so it can be handed to
 * `createImageBitmap` as it is.
 *
 * @throws Error when a size is not a positive whole number.
 */
export function fitRect(
  srcWidth: number,
  srcHeight: number,
  dstWidth: number,
  dstHeight: number,
  aspect: AspectPolicy,
): FitRect {
  for (const [name, value] of [
    ['source width', srcWidth],
    ['source height', srcHeight],
    ['target width', dstWidth],
    ['target height', dstHeight],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(`The ${name} must be a whole number of pixels of at least 1 (got ${value}).`);
    }
  }
  const whole = { sx: 0, sy: 0, sw: srcWidth, sh: srcHeight };
  const fill = { dx: 0, dy: 0, dw: dstWidth, dh: dstHeight };
  // Comparing cross products keeps the test exact: no rounding decides which side is wider.
  const srcIsWider = srcWidth * dstHeight > dstWidth * srcHeight;
  const srcIsTaller = srcWidth * dstHeight < dstWidth * srcHeight;

  switch (aspect) {
    case 'stretch':
      return { ...whole, ...fill };
    case 'crop': {
      if (srcIsWider) {
        const sw = clampSize(Math.round((srcHeight * dstWidth) / dstHeight), srcWidth);
        return { sx: Math.floor((srcWidth - sw) / 2), sy: 0, sw, sh: srcHeight, ...fill };
      }
      if (srcIsTaller) {
        const sh = clampSize(Math.round((srcWidth * dstHeight) / dstWidth), srcHeight);
        return { sx: 0, sy: Math.floor((srcHeight - sh) / 2), sw: srcWidth, sh, ...fill };
      }
      return { ...whole, ...fill };
    }
    case 'pad': {
      if (srcIsWider) {
        const dh = clampSize(Math.round((dstWidth * srcHeight) / srcWidth), dstHeight);
        return { ...whole, dx: 0, dy: Math.floor((dstHeight - dh) / 2), dw: dstWidth, dh };
      }
      if (srcIsTaller) {
        const dw = clampSize(Math.round((dstHeight * srcWidth) / srcHeight), dstWidth);
        return { ...whole, dx: Math.floor((dstWidth - dw) / 2), dy: 0, dw, dh: dstHeight };
      }
      return { ...whole, ...fill };
    }
  }
}

/** A rounded size stays between 1 pixel and the whole side. */
function clampSize(size: number, side: number): number {
  return Math.min(side, Math.max(1, size));
}
