import { DEFAULT_EARLY_STOPPING } from '../early-stopping';
import { DEFAULT_SCHEDULE } from '../lr-schedule';
import { NewerProjectError, ProjectError } from './project-error';

/** A project object of some version, before it is validated. */
export type RawProject = Record<string, unknown> & { version: number };

/** Lifts a project from version N to N + 1. */
export type Migration = (project: RawProject) => RawProject;

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

/**
 * The migrations, in order: entry i lifts version i + 1 to i + 2. A new format version is one
 * new function at the end of this list; the current version follows from its length.
 */
export const MIGRATIONS: readonly Migration[] = [
  // 1 → 2: training settings gained a learning-rate schedule, early stopping and
  // cross-validation (a project from before trained with a constant rate, no early stopping
  // and one validation split), and the runs a history of finished runs (none were kept before).
  (project) => {
    const { settings, runs } = project as { settings?: unknown; runs?: unknown };
    return {
      ...project,
      ...(isObject(settings) && {
        settings: {
          schedule: DEFAULT_SCHEDULE,
          earlyStopping: DEFAULT_EARLY_STOPPING,
          crossValidation: null,
          ...settings,
        },
      }),
      ...(isObject(runs) && { runs: { history: [], ...runs } }),
    };
  },
  // 2 → 3: a run in the history may be 'interrupted' (cut short and never resumed). Nothing in
  // an older project changes; the new version only keeps older studios from misreading it.
  (project) => project,
  // 3 → 4: the dataset reference keeps the class edits made since the dataset was loaded; a
  // project from before kept none, so its dataset is loaded again as it first was.
  (project) => {
    const { data } = project as { data?: { dataset?: unknown } };
    if (!isObject(data) || !isObject(data.dataset)) return project;
    return { ...project, data: { ...data, dataset: { ...data.dataset, classEdits: [] } } };
  },
];

/** The project format version this studio writes and the newest it reads. */
export const PROJECT_VERSION = MIGRATIONS.length + 1;

/**
 * Brings a project of any older version up to the current one, one step at a time. Refuses a
 * project from a newer studio rather than guessing at fields it does not know.
 */
export function migrate(
  project: RawProject,
  migrations: readonly Migration[] = MIGRATIONS,
): RawProject {
  const current = migrations.length + 1;
  const { version } = project;
  if (!Number.isInteger(version) || version < 1) {
    throw new ProjectError(`The project has an unknown format version (${String(version)}).`);
  }
  if (version > current) {
    throw new NewerProjectError(
      `This project was made by a newer Layerwise (format ${version}); this studio reads up to format ${current}. Update the studio to open it.`,
    );
  }
  let lifted = project;
  for (const step of migrations.slice(version - 1)) {
    const next = step(lifted);
    lifted = { ...next, version: lifted.version + 1 };
  }
  return lifted;
}
