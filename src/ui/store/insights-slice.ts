import type { StateCreator } from 'zustand';
import type { SplitName } from '../../shared/insights';
import { MAX_PINNED } from '../../shared/insights';
import type { StudioState } from './studio-store';

/** An example of a split the user pinned to look inside the network with. */
export interface PinnedImage {
  split: SplitName;
  index: number;
}

/** One Grad-CAM frame of the saliency filmstrip: small, so it is kept as a typed array. */
export interface FilmFrame {
  epoch: number;
  image: PinnedImage;
  classIndex: number;
  /** Height × width importance in [0, 1]. */
  map: Float32Array;
  height: number;
  width: number;
}

export interface InsightsSlice {
  pinned: PinnedImage[];
  /** One Grad-CAM frame per finished epoch of the current run, of the first pinned image. */
  filmstrip: FilmFrame[];
  pin: (image: PinnedImage) => void;
  unpin: (image: PinnedImage) => void;
  /** Pins these when nothing is pinned yet (the first validation example of a few classes). */
  pinDefaults: (images: PinnedImage[]) => void;
  addFrame: (frame: FilmFrame) => void;
}

const same = (a: PinnedImage, b: PinnedImage) => a.split === b.split && a.index === b.index;

export const createInsightsSlice: StateCreator<StudioState, [], [], InsightsSlice> = (set) => ({
  pinned: [],
  filmstrip: [],
  pin: (image) =>
    set((s) =>
      s.pinned.length >= MAX_PINNED || s.pinned.some((p) => same(p, image))
        ? {}
        : { pinned: [...s.pinned, image] },
    ),
  unpin: (image) => set((s) => ({ pinned: s.pinned.filter((p) => !same(p, image)) })),
  pinDefaults: (images) =>
    set((s) => (s.pinned.length > 0 ? {} : { pinned: images.slice(0, MAX_PINNED) })),
  addFrame: (frame) =>
    set((s) => ({ filmstrip: [...s.filmstrip.filter((f) => f.epoch !== frame.epoch), frame] })),
});
