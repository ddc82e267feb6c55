/** A rectangle of a video frame, in its own pixels. */
export interface Crop {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The largest centred part of a `width` × `height` frame with the aspect ratio of an image of
 * `shape` (height, width, …), so a wide camera frame becomes a square image without stretching.
 */
export function centreCrop(width: number, height: number, shape: readonly number[]): Crop {
  const aspect = (shape[1] ?? 1) / (shape[0] ?? 1);
  const cropWidth = Math.min(width, height * aspect);
  const cropHeight = cropWidth / aspect;
  return {
    x: (width - cropWidth) / 2,
    y: (height - cropHeight) / 2,
    width: cropWidth,
    height: cropHeight,
  };
}
