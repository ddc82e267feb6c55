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
export const selectSelection = (s: StudioState) => s.selection;
export const selectEdit = (s: StudioState) => s.edit;
export const selectSelect = (s: StudioState) => s.select;
export const selectCanUndo = (s: StudioState) => s.specHistory.past.length > 0;
export const selectCanRedo = (s: StudioState) => s.specHistory.future.length > 0;
/** The one selected layer, or undefined when none or several are selected. */
export const selectSelectedNode = (s: StudioState) =>
  s.selection.length === 1 ? s.spec.nodes.find((node) => node.id === s.selection[0]) : undefined;
export const selectPinned = (s: StudioState) => s.pinned;
export const selectFilmstrip = (s: StudioState) => s.filmstrip;
export { selectAnalysis, selectDatasetShape, selectTrainingProblems } from './analysis';
export const selectLoading = (s: StudioState) => s.loading;
export const selectLoadOutcome = (s: StudioState) => s.loadOutcome;
export const selectNetworkNotice = (s: StudioState) => s.networkNotice;
/** The loaded dataset's summary, or undefined before one loads. */
export const selectDatasetSummary = (s: StudioState) => s.dataset?.summary;
