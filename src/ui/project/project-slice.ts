import type { StateCreator } from 'zustand';
import type { StudioState } from '../store/studio-store';

/** A message about the project as a whole: opened, restored, refused. */
export interface ProjectNotice {
  tone: 'info' | 'error';
  message: string;
  /** Offer to discard the restored project and start from the starter network. */
  offerStartNew?: boolean;
}

export const UNTITLED = 'Untitled project';

export interface ProjectSlice {
  projectName: string;
  projectNotice: ProjectNotice | null;
  /**
   * Counts the projects opened; the panels are keyed on it so forms that keep what the user
   * typed start again from the opened project's values.
   */
  projectRevision: number;
  /** When the project was last autosaved in this browser (ms since the epoch). */
  autosavedAt: number | null;
  setProjectName: (name: string) => void;
  showProjectNotice: (notice: ProjectNotice | null) => void;
  setAutosavedAt: (time: number) => void;
  /** Records that another project was put on screen. */
  projectOpened: (name: string) => void;
}

export const createProjectSlice: StateCreator<StudioState, [], [], ProjectSlice> = (set) => ({
  projectName: UNTITLED,
  projectNotice: null,
  projectRevision: 0,
  autosavedAt: null,
  setProjectName: (projectName) => set({ projectName }),
  showProjectNotice: (projectNotice) => set({ projectNotice }),
  setAutosavedAt: (autosavedAt) => set({ autosavedAt }),
  projectOpened: (projectName) =>
    set((s) => ({ projectName, projectRevision: s.projectRevision + 1 })),
});
