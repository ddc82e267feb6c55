import type { Project } from '../../shared/project/project';
import { PROJECT_EXTENSION } from '../../shared/project/project';
import { ProjectError } from '../../shared/project/project-error';
import type { ModelPair } from '../../shared/exported-model';
import { requestExport } from '../export/export-client';
import { requestImport } from '../export/import-client';
import { fileSlug, saveFile } from '../save-file';
import { useStudio } from '../store/studio-store';
import { applyProject, datasetNote, starterProject } from './apply-project';
import { currentProject } from './current-project';
import { requestDatasetBytes } from './dataset-client';
import { keepCarriedDatasetFile } from './carried-dataset';
import { formatBytes } from '../format';

// The file format (zip, schema checks) loads when first used, not with the page.
const projectFiles = () => import('../../shared/project/project-file');
const shareLinks = () => import('../../shared/project/share-link');

/** The trained model's files, or null when there is none (nothing trained, or data changed). */
async function trainedModel(): Promise<ModelPair | null> {
  const { report, runState } = useStudio.getState();
  if (report === null || runState !== 'idle') return null;
  try {
    const { modelJson, weights } = await requestExport();
    return { modelJson, weights };
  } catch {
    return null;
  }
}

/**
 * Downloads the project on screen, with its trained weights and — when `includeDataset` — the
 * loaded dataset's images, as `<name>.layerwise`. A file that could not be made is explained.
 */
export async function saveProject(includeDataset = false): Promise<void> {
  try {
    const { MAX_PROJECT_FILE_BYTES, writeProjectFile } = await projectFiles();
    const model = await trainedModel();
    const dataset = includeDataset ? await requestDatasetBytes() : null;
    // Read after the dataset arrived, so the project names the classes the bytes hold.
    const project = currentProject(useStudio.getState());
    const bytes = writeProjectFile(project, model, dataset);
    if (bytes.length > MAX_PROJECT_FILE_BYTES) {
      throw new ProjectError(
        `With its dataset the project comes to ${formatBytes(bytes.length)}, more than the ${formatBytes(MAX_PROJECT_FILE_BYTES)} a project file may be; save it without the dataset.`,
      );
    }
    saveFile(`${fileSlug(project.name, 'project')}${PROJECT_EXTENSION}`, bytes, 'application/zip');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    useStudio.getState().showProjectNotice({
      tone: 'error',
      message: `The project was not saved: ${message}`,
    });
  }
}

/** Gives the worker a saved model's weights; says what went wrong instead of failing the open. */
async function restoreWeights(project: Project, model: ModelPair | null): Promise<string | null> {
  if (!model) return null;
  try {
    await requestImport(project.spec, project.settings, model);
    return 'Its trained weights are back: Insights and the Playground use them.';
  } catch (error) {
    return `Its trained weights could not be loaded (${(error as Error).message}); train it again.`;
  }
}

/** How loading the dataset a project file carried went, in words for the notice. */
function carriedDatasetNote(): { message: string; failed: boolean } {
  const { loadOutcome, dataset } = useStudio.getState();
  if (loadOutcome) {
    return { message: `Its dataset did not load: ${loadOutcome.message}`, failed: true };
  }
  const images = dataset?.summary.classCounts.reduce((sum, count) => sum + count, 0) ?? 0;
  return { message: `Its dataset came with it: ${images} images.`, failed: false };
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
    const { checkProjectFileSize, readProjectFile } = await projectFiles();
    // By size first: a huge file picked by mistake is never read into memory.
    checkProjectFileSize(file.size);
    const { project, model, dataset } = readProjectFile(new Uint8Array(await file.arrayBuffer()));
    await applyProject(project, { undoable: true, dataset });
    const carried = dataset ? carriedDatasetNote() : null;
    keepCarriedDatasetFile(carried && !carried.failed ? file : null);
    const weights = await restoreWeights(project, model);
    const note = dataset ? carried?.message : datasetNote(project.data.dataset);
    useStudio.getState().showProjectNotice({
      tone: carried?.failed ? 'error' : 'info',
      message: [`Opened “${project.name}” from ${file.name}.`, weights, note]
        .filter(Boolean)
        .join(' '),
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
export async function shareLink(): Promise<string> {
  const { shareFragment } = await shareLinks();
  const url = new URL(window.location.href);
  url.hash = shareFragment(currentProject(useStudio.getState()));
  return url.href;
}
