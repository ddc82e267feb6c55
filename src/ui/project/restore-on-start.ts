import type { Project } from '../../shared/project/project';
import { SHARE_KEY } from '../../shared/project/project';
import { useStudio } from '../store/studio-store';
import { applyProject, datasetNote, starterProject } from './apply-project';
import { readAutosave, startAutosave } from './autosave';
import { showRefusal } from './project-actions';
import { describeCheckpoint, restoreLatestCheckpoint } from '../train/checkpoint-client';
import { resumePoint } from '../engine/resume-point';

/** Takes the share link out of the address bar, so a reload does not open it over new work. */
function clearFragment(): void {
  const { pathname, search } = window.location;
  window.history.replaceState(window.history.state, '', `${pathname}${search}`);
}

/**
 * Opens the network a share link in the address bar carries: 'none' when there is no link,
 * 'refused' when it could not be opened (explained, and nothing changed).
 */
async function openSharedLink(): Promise<'opened' | 'refused' | 'none'> {
  if (!new URLSearchParams(window.location.hash.slice(1)).has(SHARE_KEY)) return 'none';
  try {
    const { readShareFragment } = await import('../../shared/project/share-link');
    const project = readShareFragment(window.location.hash);
    if (!project) return 'none';
    clearFragment();
    await applyProject(project, { undoable: true });
    useStudio.getState().showProjectNotice({
      tone: 'info',
      message: `Opened the network “${project.name}” from a share link, with its training settings.`,
    });
    return 'opened';
  } catch (error) {
    clearFragment();
    showRefusal(error);
    return 'refused';
  }
}

/** A restored project identical to what a first visit shows needs no notice. */
function isStarter(project: Project): boolean {
  const starter = starterProject();
  return (
    project.name === starter.name &&
    JSON.stringify([project.spec, project.settings]) ===
      JSON.stringify([starter.spec, starter.settings]) &&
    project.runs.points.length === 0
  );
}

/**
 * Asks the worker for the weights of the last epoch trained before the reload; it gives them
 * back only when they belong to this network on the loaded data. When the page was closed
 * mid-run, the run can go on from them; if it cannot, it is filed in the run history as
 * interrupted. Says what came back, or null.
 */
async function restoreCheckpoint(project: Project): Promise<string | null> {
  const interrupted = project.runs.interrupted;
  // A checkpoint that cannot be read is as good as none: the project is back regardless.
  const restored = await restoreLatestCheckpoint(interrupted?.start.spec ?? project.spec).catch(
    () => null,
  );
  const weights =
    restored &&
    `Restored the checkpoint of ${describeCheckpoint(restored)}: Insights, the Playground and Export use its weights.`;
  if (!interrupted) return weights;
  const s = useStudio.getState();
  const { epochs } = interrupted.start.settings;
  const at = restored && resumePoint(restored, project.runs.points, epochs, 'pageClosed');
  s.setInterrupted({ run: interrupted, at, cutAt: Date.now() });
  if (at) {
    return `${weights} The run under way when the page closed can go on from epoch ${at.epoch} in the Train panel.`;
  }
  s.fileInterrupted();
  const filed =
    'The run under way when the page closed cannot go on from a checkpoint, so it is filed in the run history as interrupted.';
  return weights ? `${weights} ${filed}` : filed;
}

/** Restores the autosaved project; `announce` says so in a notice that offers a fresh start. */
async function restoreAutosave(announce: boolean): Promise<void> {
  try {
    const project = await readAutosave();
    if (!project) return;
    await applyProject(project, { undoable: false });
    const weights = await restoreCheckpoint(project);
    if (!announce || (isStarter(project) && !weights)) return;
    const note = datasetNote(project.data.dataset);
    useStudio.getState().showProjectNotice({
      tone: 'info',
      message: [`Restored your last session's project “${project.name}”.`, weights, note]
        .filter(Boolean)
        .join(' '),
      offerStartNew: true,
    });
  } catch (error) {
    showRefusal(error);
  }
}

/**
 * Puts the right project on screen at start-up: a share link's network when the address has
 * one, otherwise the autosaved project, otherwise the starter network. Autosave starts after,
 * so the starter network never overwrites a saved project before it is read.
 */
export async function restoreOnStart(): Promise<void> {
  const shared = await openSharedLink();
  // A damaged link keeps the project the user had, the autosave, under the link's message.
  if (shared !== 'opened') await restoreAutosave(shared === 'none');
  startAutosave();
  window.addEventListener('hashchange', () => void openSharedLink());
}
