import { get, set } from 'idb-keyval';
import type { Project } from '../../shared/project/project';
import { ProjectError } from '../../shared/project/project-error';
import { FREE_SPACE, isQuotaExceeded } from '../../shared/storage-full';
import type { StudioState } from '../store/studio-store';
import { useStudio } from '../store/studio-store';
import { metricsBuffer } from '../train/metrics-buffer';
import { currentProject } from './current-project';

/** The IndexedDB key (idb-keyval's default store) that holds the autosaved project JSON. */
export const AUTOSAVE_KEY = 'layerwise-autosave';

/** Edits closer together than this are saved once, after the last. */
const AUTOSAVE_DELAY_MS = 1000;

/** The autosaved project, undefined when there is none, or a ProjectError when it is unreadable. */
export async function readAutosave(): Promise<Project | undefined> {
  const stored = await get<unknown>(AUTOSAVE_KEY);
  if (stored === undefined) return undefined;
  try {
    if (typeof stored !== 'string') throw new Error('it is not project JSON');
    // The schema checks load only when there is an autosave to read.
    const { parseProject } = await import('../../shared/project/parse-project');
    return parseProject(JSON.parse(stored));
  } catch (error) {
    throw new ProjectError(
      `Your last session's autosave could not be read, so the studio starts afresh (${(error as Error).message}).`,
    );
  }
}

/** True when something the project file holds changed between two states. */
function projectChanged(s: StudioState, before: StudioState): boolean {
  return (
    s.spec !== before.spec ||
    s.settings !== before.settings ||
    s.dataset?.summary.config !== before.dataset?.summary.config ||
    s.loadedSource !== before.loadedSource ||
    s.report !== before.report ||
    s.lastEpoch !== before.lastEpoch ||
    s.runStart !== before.runStart ||
    s.interrupted !== before.interrupted ||
    s.projectName !== before.projectName
  );
}

/** The words for an autosave that failed; `savedAt` is when the last one that worked was written. */
export function autosaveFailure(error: unknown, savedAt: number | null): string {
  if (!isQuotaExceeded(error)) {
    return `This browser does not let the studio autosave (${String(error)}); use Save to keep your project.`;
  }
  const when =
    savedAt === null
      ? ''
      : ` at ${new Date(savedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
  return `The browser's storage for this site is full, so your latest changes were not autosaved: a reload opens the project as it was last autosaved${when}. ${FREE_SPACE}, and use Save in the project menu to keep your project as a file.`;
}

/**
 * Saves the current project with `write`, never throwing. A failure is told once, and again
 * only after a save has worked in between, so a full disk does not repeat itself every second.
 */
export function autosaver(write: (json: string) => Promise<void>): () => Promise<void> {
  let failed = false;
  return async () => {
    const studio = useStudio.getState();
    try {
      await write(JSON.stringify(currentProject(studio)));
      failed = false;
      studio.setAutosavedAt(Date.now());
    } catch (error) {
      if (failed) return;
      failed = true;
      studio.showProjectNotice({
        tone: 'error',
        message: autosaveFailure(error, studio.autosavedAt),
      });
    }
  };
}

/**
 * Saves the project to IndexedDB a second after each change. Metric points are saved at each
 * epoch's end and when a run has ended, not while they stream in. An epoch's end is saved at
 * once: its checkpoint is being kept at the same moment, and a page closed mid-run then comes
 * back with the curves up to the epoch the checkpoint holds, and the run to go on with. Each
 * save is one put in one transaction, so a write that fails leaves the previous autosave whole.
 */
export function startAutosave(): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = autosaver((json) => set(AUTOSAVE_KEY, json));
  const schedule = (delay = AUTOSAVE_DELAY_MS) => {
    clearTimeout(timer);
    timer = setTimeout(() => void save(), delay);
  };
  useStudio.subscribe((s, before) => {
    if (s.runState !== 'idle' && s.lastEpoch !== before.lastEpoch) schedule(0);
    else if (projectChanged(s, before)) schedule();
  });
  metricsBuffer.subscribe(() => {
    if (useStudio.getState().runState === 'idle') schedule();
  });
}
