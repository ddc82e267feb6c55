import type {
  AspectPolicy,
  ClassEdit,
  DataConfig,
  DatasetSource,
  DatasetSourceKind,
} from '../dataset';
import type { ModelSpec } from '../model-spec';
import type {
  CrossValidationResult,
  EpochSummary,
  MetricPoint,
  Progress,
  RunOutcome,
} from '../protocol';
import type { InterruptedRun, RunRecord } from '../run-record';
import type { TrainSettings } from '../train-settings';

/**
 * A Layerwise project: everything the studio needs to put a piece of work back on screen. A
 * `.layerwise` file is a zip holding this object as `project.json`, with the trained weights and,
 * when the user chooses, the dataset beside it; the autosave and share links hold the object.
 */

/** The tag every project carries, so a stray JSON file is not mistaken for one. */
export const PROJECT_FORMAT = 'layerwise-project';

/** What project files are called. */
export const PROJECT_EXTENSION = '.layerwise';

/** Longest project name kept; a name is a file name, not a description. */
export const MAX_NAME_LENGTH = 120;

/** The largest dataset a project file may carry, unpacked: the worker holds it all at once. */
export const MAX_DATASET_BYTES = 1024 * 1024 * 1024;

/** The URL fragment key of share links: `#net=…`. */
export const SHARE_KEY = 'net';

/** The dataset sources the studio can fetch or generate again from the reference alone. */
export type ReloadableSource = Extract<DatasetSource, { kind: 'sample' | 'shapes' | 'url' }>;

/** Which dataset the network was built for. */
export interface DatasetReference {
  kind: DatasetSourceKind;
  name: string;
  /** The classes as the network knows them: after the class edits. */
  classNames: string[];
  /** Height, width, channels. */
  inputShape: [number, number, number];
  /**
   * How to load the dataset again; null for images the user gave (folders, files, webcam),
   * which must be loaded again by hand unless the project file carries them (DATASET_ENTRY).
   */
  source: ReloadableSource | null;
  /** How images of another shape were fitted when loaded; absent in older projects. */
  aspect?: AspectPolicy;
  /**
   * The class edits (renames, merges, removals, additions) made since the dataset was loaded,
   * in order: made again after it is loaded from `source`. Empty in a project file that
   * carries the dataset, whose images and labels already have them.
   */
  classEdits: ClassEdit[];
}

/** How the last run ended, as the Train panel reports it. */
export interface RunSummary {
  outcome: RunOutcome;
  message: string;
  test?: { loss: number; accuracy: number };
  crossValidation?: CrossValidationResult;
}

/** What the studio keeps of the current run and the one before it. */
export interface RunHistory {
  /** The current run's metric points (train windows and validation passes). */
  points: MetricPoint[];
  /** The previous run's points, drawn paler for comparison. */
  previousPoints: MetricPoint[];
  report: RunSummary | null;
  lastEpoch: EpochSummary | null;
  progress: Progress | null;
  /** Every finished run: the Runs panel's table, oldest first. */
  history: RunRecord[];
  /** The run that was under way, or cut short, when the project was saved. */
  interrupted?: InterruptedRun;
}

/** The current version of the project format. */
export interface Project {
  format: typeof PROJECT_FORMAT;
  version: number;
  name: string;
  spec: ModelSpec;
  settings: TrainSettings;
  data: { config: DataConfig; dataset: DatasetReference | null };
  runs: RunHistory;
}

export const EMPTY_RUN_HISTORY: RunHistory = {
  points: [],
  previousPoints: [],
  report: null,
  lastEpoch: null,
  progress: null,
  history: [],
};
