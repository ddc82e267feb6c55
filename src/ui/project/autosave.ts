import { get, set } from 'idb-keyval';
import type { Project } from '../../shared/project/project';
import { ProjectError } from '../../shared/project/project-error';
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

/**
 * Saves the project to IndexedDB a second after each change. Metric points are saved at each
 * epoch's end and when a run has ended, not while they stream in. An epoch's end is saved at
 * once: its checkpoint is being kept at the same moment, and a page closed mid-run then comes
 * back with the curves up to the epoch the checkpoint holds, and the run to go on with.
 */
export function startAutosave(): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failed = false;
  const save = async () => {
    try {
      await set(AUTOSAVE_KEY, JSON.stringify(currentProject(useStudio.getState())));
      useStudio.getState().setAutosavedAt(Date.now());
    } catch (error) {
      if (failed) return;
      failed = true;
      useStudio.getState().showProjectNotice({
        tone: 'error',
        message: `This browser does not let the studio autosave (${String(error)}); use Save to keep your project.`,
      });
    }
  };
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
