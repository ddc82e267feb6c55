import {
  PROJECT_EXTENSION,
  checkProjectFileSize,
  readProjectFile,
  writeProjectFile,
} from '../../shared/project/project-file';
import { ProjectError } from '../../shared/project/project-error';
import { shareFragment } from '../../shared/project/share-link';
import { fileSlug, saveFile } from '../save-file';
import { useStudio } from '../store/studio-store';
import { applyProject, datasetNote, starterProject } from './apply-project';
import { currentProject } from './current-project';

/** Downloads the project on screen as `<name>.layerwise`. */
export function saveProject(): void {
  const project = currentProject(useStudio.getState());
  saveFile(
    `${fileSlug(project.name, 'project')}${PROJECT_EXTENSION}`,
    writeProjectFile(project),
    'application/zip',
  );
}

/** Shows why something was not opened; the project on screen stays as it was. */
export function showRefusal(error: unknown): void {
  const message =
    error instanceof ProjectError
      ? error.message
      : `The project could not be opened: ${String(error)}`;
  useStudio.getState().showProjectNotice({ tone: 'error', message });
}

/** Opens a `.layerwise` file; a file that cannot be opened is explained and changes nothing. */
export async function openProjectFile(file: File): Promise<void> {
  try {
    // By size first: a huge file picked by mistake is never read into memory.
    checkProjectFileSize(file.size);
    const project = readProjectFile(new Uint8Array(await file.arrayBuffer()));
    await applyProject(project, { undoable: true });
    const note = datasetNote(project.data.dataset);
    useStudio.getState().showProjectNotice({
      tone: 'info',
      message: [`Opened “${project.name}” from ${file.name}.`, note].filter(Boolean).join(' '),
    });
  } catch (error) {
    showRefusal(error);
  }
}

/** Replaces the project on screen with the starter network on the MNIST digits. */
export async function startNewProject(): Promise<void> {
  try {
    await applyProject(starterProject(), { undoable: true });
    useStudio.getState().showProjectNotice(null);
  } catch (error) {
    showRefusal(error);
  }
}

/** A link that opens the studio with this project's network and training settings. */
export function shareLink(): string {
  const url = new URL(window.location.href);
  url.hash = shareFragment(currentProject(useStudio.getState()));
  return url.href;
}
