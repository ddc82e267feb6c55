import { create } from 'zustand';
import type { DatasetSlice } from './dataset-slice';
import type { InsightsSlice } from './insights-slice';
import { createInsightsSlice } from './insights-slice';
import { createDatasetSlice } from './dataset-slice';
import type { SpecSlice } from './spec-slice';
import { createSpecSlice } from './spec-slice';
import type { TrainingSlice } from './training-slice';
import { createTrainingSlice } from './training-slice';
import type { RunsSlice } from './runs-slice';
import { createRunsSlice } from './runs-slice';
import type { EngineSlice } from './engine-slice';
import { createEngineSlice } from './engine-slice';
import type { UiSlice } from './ui-slice';
import { createUiSlice } from './ui-slice';
import type { ProjectSlice } from '../project/project-slice';
import { createProjectSlice } from '../project/project-slice';

/** The studio's coarse state; per-step metrics live in the metrics buffer, not here. */
export type StudioState = SpecSlice &
  DatasetSlice &
  TrainingSlice &
  UiSlice &
  InsightsSlice &
  ProjectSlice &
  RunsSlice &
  EngineSlice;

export const useStudio = create<StudioState>()((...a) => ({
  ...createSpecSlice(...a),
  ...createDatasetSlice(...a),
  ...createTrainingSlice(...a),
  ...createUiSlice(...a),
  ...createInsightsSlice(...a),
  ...createProjectSlice(...a),
  ...createRunsSlice(...a),
  ...createEngineSlice(...a),
}));
