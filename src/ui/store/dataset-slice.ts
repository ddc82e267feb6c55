import type { StateCreator } from 'zustand';
import type { DatasetPreview, DatasetSummary } from '../../shared/dataset';
import type { StudioState } from './studio-store';

export interface DatasetSlice {
  dataset: { summary: DatasetSummary; preview: DatasetPreview } | null;
  datasetError: string | null;
  setDataset: (summary: DatasetSummary, preview: DatasetPreview) => void;
  setDatasetError: (message: string) => void;
}

export const createDatasetSlice: StateCreator<StudioState, [], [], DatasetSlice> = (set) => ({
  dataset: null,
  datasetError: null,
  setDataset: (summary, preview) => set({ dataset: { summary, preview }, datasetError: null }),
  setDatasetError: (message) => set({ datasetError: message }),
});
