import type { StateCreator } from 'zustand';
import type { StudioState } from './studio-store';

export const PANELS = ['build', 'data', 'train', 'insights', 'export'] as const;
export type PanelId = (typeof PANELS)[number];

export interface UiSlice {
  panel: PanelId;
  showPanel: (panel: PanelId) => void;
}

export const createUiSlice: StateCreator<StudioState, [], [], UiSlice> = (set) => ({
  panel: 'train',
  showPanel: (panel) => set({ panel }),
});
