import type { StateCreator } from 'zustand';
import type {
  DatasetPreview,
  DatasetSource,
  DatasetSummary,
  LoadProgress,
  SkippedItem,
} from '../../shared/dataset';
import { networkAdaptation } from '../data/adapt-network';
import type { StudioState } from './studio-store';

/** How a load that did not replace the dataset ended, to tell the user. */
export interface LoadOutcome {
  outcome: 'cancelled' | 'failed';
  message: string;
  /** Files a failed load could not use, with reasons (empty when the worker named none). */
  skipped: SkippedItem[];
}

export interface DatasetSlice {
  dataset: { summary: DatasetSummary; preview: DatasetPreview } | null;
  datasetError: string | null;
  /** A load under way and its latest progress (null until the worker reports any). */
  loading: { progress: LoadProgress | null } | null;
  /** The last load that failed or was cancelled; cleared when the next one starts. */
  loadOutcome: LoadOutcome | null;
  /** What was changed in the network to fit the last dataset, until the user dismisses it. */
  networkNotice: string | null;
  /** Where the loaded dataset came from; null for the sample the worker loads at start. */
  loadedSource: DatasetSource | null;
  /** The source of the load under way, until it ends. */
  requestedSource: DatasetSource | null;
  /**
   * Shows a dataset from the worker. When its image shape or class count differs from the
   * previous dataset's, the network is fitted to it in one undoable edit where that is possible.
   */
  setDataset: (summary: DatasetSummary, preview: DatasetPreview) => void;
  setDatasetError: (message: string) => void;
  beginLoad: (source?: DatasetSource) => void;
  setLoadProgress: (progress: LoadProgress) => void;
  endLoad: (
    outcome: 'loaded' | 'cancelled' | 'failed',
    message: string,
    skipped?: SkippedItem[],
  ) => void;
  dismissNetworkNotice: () => void;
}

function sameShape(a: DatasetSummary | undefined, b: DatasetSummary): boolean {
  return (
    a !== undefined &&
    a.inputShape.join() === b.inputShape.join() &&
    a.classNames.length === b.classNames.length
  );
}

export const createDatasetSlice: StateCreator<StudioState, [], [], DatasetSlice> = (set, get) => ({
  dataset: null,
  datasetError: null,
  loading: null,
  loadOutcome: null,
  networkNotice: null,
  loadedSource: null,
  requestedSource: null,
  setDataset: (summary, preview) => {
    const previous = get().dataset?.summary;
    set({ dataset: { summary, preview }, datasetError: null });
    // A re-split or a rename keeps the shape: leave the network as the user made it.
    if (sameShape(previous, summary)) return;
    const adaptation = networkAdaptation(get().spec, {
      shape: summary.inputShape,
      classes: summary.classNames.length,
    });
    if (!adaptation) return;
    // Loads in a row (a webcam dataset gaining classes) fold into one undo step.
    get().edit(adaptation.edits, { mergeKey: 'dataset-adaptation' });
    set({ networkNotice: adaptation.notice });
  },
  setDatasetError: (message) => set({ datasetError: message }),
  beginLoad: (source) =>
    set({ loading: { progress: null }, loadOutcome: null, requestedSource: source ?? null }),
  setLoadProgress: (progress) => set({ loading: { progress } }),
  endLoad: (outcome, message, skipped = []) =>
    set((s) => ({
      loading: null,
      loadOutcome: outcome === 'loaded' ? null : { outcome, message, skipped },
      loadedSource: outcome === 'loaded' ? s.requestedSource : s.loadedSource,
      requestedSource: null,
    })),
  dismissNetworkNotice: () => set({ networkNotice: null }),
});
