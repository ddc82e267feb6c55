import type { AspectPolicy, ImageOptions } from '../../shared/dataset';

/** The image options as the form holds them: the size as typed, channels as a select value. */
export interface ImageOptionsDraft {
  size: string;
  channels: 'auto' | '1' | '3';
  aspect: AspectPolicy;
}

export const DEFAULT_IMAGE_DRAFT: ImageOptionsDraft = {
  size: '',
  channels: 'auto',
  aspect: 'crop',
};

/** Smallest and largest target side offered: smaller is unreadable, larger trains too slowly. */
export const MIN_SIDE = 8;
export const MAX_SIDE = 256;

/** The options a draft describes, or what is wrong with it. An empty size means Auto. */
export function imageOptionsOf(draft: ImageOptionsDraft): ImageOptions | { problem: string } {
  const text = draft.size.trim();
  const side = Number(text);
  if (text !== '' && (!Number.isInteger(side) || side < MIN_SIDE || side > MAX_SIDE)) {
    return {
      problem: `Image size must be a whole number of pixels from ${MIN_SIDE} to ${MAX_SIDE}, or empty for Auto.`,
    };
  }
  return {
    size: text === '' ? null : [side, side],
    channels: draft.channels === 'auto' ? null : draft.channels === '1' ? 1 : 3,
    aspect: draft.aspect,
  };
}
