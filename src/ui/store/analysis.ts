import type { Analysis, DatasetShape } from '../../model/analyse';
import { analyse } from '../../model/analyse';
import type { ModelSpec } from '../../shared/model-spec';
import type { StudioState } from './studio-store';

/** What the network is judged against before a dataset has loaded: the MNIST digits. */
const DEFAULT_DATASET: DatasetShape = { shape: [28, 28, 1], classes: 10 };

let lastDataset: { source: StudioState['dataset']; shape: DatasetShape } | null = null;
let last: { spec: ModelSpec; dataset: DatasetShape; analysis: Analysis } | null = null;

/** The loaded dataset's image shape and class count (the digits' until one loads). */
export function selectDatasetShape(s: StudioState): DatasetShape {
  if (lastDataset?.source !== s.dataset) {
    const summary = s.dataset?.summary;
    lastDataset = {
      source: s.dataset,
      shape: summary
        ? { shape: summary.inputShape, classes: summary.classNames.length }
        : DEFAULT_DATASET,
    };
  }
  return lastDataset.shape;
}

/**
 * The analysis of the current spec against the current dataset. Memoised on both, so every
 * component, the Train action and the canvas share one result per edit, and the returned
 * object is stable between edits as zustand selectors must be.
 */
export function selectAnalysis(s: StudioState): Analysis {
  const dataset = selectDatasetShape(s);
  if (last?.spec !== s.spec || last.dataset !== dataset) {
    last = { spec: s.spec, dataset, analysis: analyse(s.spec, dataset) };
  }
  return last.analysis;
}
