import type { StateCreator } from 'zustand';
import type { Backend, SkippedBackend } from '../../shared/backend';
import type {
  CheckpointInfo,
  CrossValidationResult,
  EarlyStop,
  EpochSummary,
  Progress,
  RunOutcome,
  RunState,
} from '../../shared/protocol';
import type { TrainSettings } from '../../shared/train-settings';
import { DEFAULT_SETTINGS } from '../../shared/train-settings';
import type { StudioState } from './studio-store';

export interface RunReport {
  outcome: RunOutcome;
  message: string;
  /** The model came from imported files, not from a run in this studio. */
  imported?: boolean;
  test?: { loss: number; accuracy: number };
  /** The run's best epoch, offered for restoring when the model ended on another. */
  best?: CheckpointInfo;
  /** The epoch whose weights the model has now, after the best one was restored. */
  restoredEpoch?: number;
  earlyStop?: EarlyStop;
  /** A cross-validated run's validation accuracy per fold, with mean and spread. */
  crossValidation?: CrossValidationResult;
}

export interface TrainingSlice {
  backend: { active: Backend; skipped: SkippedBackend[] } | null;
  backendError: string | null;
  settings: TrainSettings;
  runState: RunState;
  progress: Progress | null;
  lastEpoch: EpochSummary | null;
  report: RunReport | null;
  trainError: string | null;
  /** The next run starts from the current model's weights rather than new ones. */
  continueTraining: boolean;
  setContinueTraining: (on: boolean) => void;
  setBackend: (active: Backend, skipped: SkippedBackend[]) => void;
  setBackendError: (message: string) => void;
  updateSettings: (patch: Partial<TrainSettings>) => void;
  setRunState: (state: RunState) => void;
  setProgress: (progress: Progress) => void;
  setLastEpoch: (summary: EpochSummary) => void;
  setReport: (report: RunReport) => void;
  setTrainError: (message: string | null) => void;
  /** Clears the previous run's numbers (and its saliency filmstrip) when a new one starts. */
  beginRun: () => void;
  /** Shows a run from an opened project as the last run. */
  restoreRun: (run: Pick<TrainingSlice, 'report' | 'lastEpoch' | 'progress'>) => void;
}

export const createTrainingSlice: StateCreator<StudioState, [], [], TrainingSlice> = (set) => ({
  backend: null,
  backendError: null,
  settings: DEFAULT_SETTINGS,
  runState: 'idle',
  progress: null,
  lastEpoch: null,
  report: null,
  trainError: null,
  continueTraining: false,
  setContinueTraining: (continueTraining) => set({ continueTraining }),
  setBackend: (active, skipped) => set({ backend: { active, skipped }, backendError: null }),
  setBackendError: (message) => set({ backendError: message }),
  updateSettings: (patch) => set((s) => ({ settings: { ...s.settings, ...patch } })),
  setRunState: (runState) => set({ runState }),
  setProgress: (progress) => set({ progress }),
  setLastEpoch: (lastEpoch) => set({ lastEpoch }),
  setReport: (report) => set({ report }),
  setTrainError: (trainError) => set({ trainError }),
  beginRun: () =>
    set({
      progress: null,
      lastEpoch: null,
      report: null,
      trainError: null,
      runState: 'preparing',
      filmstrip: [],
      // A new run, or the cut one going on: either way there is no longer one to resume.
      interrupted: null,
      recovery: null,
    }),
  restoreRun: ({ report, lastEpoch, progress }) =>
    set({ report, lastEpoch, progress, trainError: null, filmstrip: [], interrupted: null }),
});
