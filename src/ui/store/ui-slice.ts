import type { StateCreator } from 'zustand';
import type { StudioState } from './studio-store';

export const PANELS = [
  'build',
  'data',
  'train',
  'runs',
  'insights',
  'playground',
  'export',
] as const;
export type PanelId = (typeof PANELS)[number];

export interface UiSlice {
  panel: PanelId;
  showPanel: (panel: PanelId) => void;
  /** The full-screen, large-type layout for a projector. */
  presenter: boolean;
  setPresenter: (on: boolean) => void;
}

export const createUiSlice: StateCreator<StudioState, [], [], UiSlice> = (set) => ({
  panel: 'train',
  showPanel: (panel) => set({ panel }),
  presenter: false,
  setPresenter: (presenter) => set({ presenter }),
});
