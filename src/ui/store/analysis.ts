import type { Analysis, DatasetShape, Problem } from '../../model/analyse';
import { analyse } from '../../model/analyse';
import { browserTrainingMemoryBudget, memoryProblem } from '../../model/memory';
import type { ModelSpec } from '../../shared/model-spec';
import { effectiveBatchSize } from '../../shared/train-settings';
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

/** The most training memory a run may ask for here; the worker refuses a run above it too. */
const MEMORY_BUDGET = browserTrainingMemoryBudget();

let lastProblems: { analysis: Analysis; key: string; problems: readonly Problem[] } | null = null;

/**
 * What stops the network from training with the current settings: the analysis's problems, and
 * a network whose estimated training memory is beyond what the tab can give it. Stable between
 * changes that do not alter it, as zustand selectors must be.
 */
export function selectTrainingProblems(s: StudioState): readonly Problem[] {
  const analysis = selectAnalysis(s);
  const { settings } = s;
  const trainCount = s.dataset?.summary.splits.train.total ?? settings.batchSize;
  const batchSize = effectiveBatchSize(settings, trainCount);
  const key = `${batchSize}:${settings.optimizer}:${settings.momentum}`;
  if (lastProblems?.analysis !== analysis || lastProblems.key !== key) {
    const memory =
      Number.isInteger(batchSize) && batchSize > 0
        ? memoryProblem(s.spec, analysis, { ...settings, batchSize }, MEMORY_BUDGET)
        : undefined;
    lastProblems = {
      analysis,
      key,
      problems: memory ? [...analysis.problems, memory] : analysis.problems,
    };
  }
  return lastProblems.problems;
}
