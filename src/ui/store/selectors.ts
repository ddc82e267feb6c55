import type { StudioState } from './studio-store';

/** Module-level selectors: stable references, as zustand 5 requires. */
export const selectPanel = (s: StudioState) => s.panel;
export const selectShowPanel = (s: StudioState) => s.showPanel;
export const selectSpec = (s: StudioState) => s.spec;
export const selectDataset = (s: StudioState) => s.dataset;
export const selectDatasetError = (s: StudioState) => s.datasetError;
export const selectBackend = (s: StudioState) => s.backend;
export const selectBackendError = (s: StudioState) => s.backendError;
export const selectSettings = (s: StudioState) => s.settings;
export const selectUpdateSettings = (s: StudioState) => s.updateSettings;
export const selectRunState = (s: StudioState) => s.runState;
export const selectProgress = (s: StudioState) => s.progress;
export const selectLastEpoch = (s: StudioState) => s.lastEpoch;
export const selectReport = (s: StudioState) => s.report;
export const selectTrainError = (s: StudioState) => s.trainError;
