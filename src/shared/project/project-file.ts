import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { ModelPair } from '../exported-model';
import type { Project } from './project';
import { ProjectError } from './project-error';
import { parseProject } from './parse-project';
import { DATASET_ENTRY, checkDatasetEntry, datasetEntrySize } from './dataset-entry';

export { DATASET_ENTRY } from './dataset-entry';

/** The entry of the zip that holds the project itself. */
export const PROJECT_ENTRY = 'project.json';

/** The latest weights, when the project has a trained model: tfjs layers format. */
export const MODEL_ENTRY = 'model/model.json';
export const WEIGHTS_ENTRY = 'model/weights.bin';

/**
 * What a `.layerwise` file holds: the project, its trained model when there is one, and its
 * dataset when the user chose to include it.
 */
export interface ProjectFile {
  project: Project;
  model: ModelPair | null;
  /** The dataset in the sample format, checked against the project's dataset reference. */
  dataset: Uint8Array | null;
}

/**
 * The largest project file opened. A network, settings and curves come to a few MB; a file
 * that carries its dataset holds that too, packed: 512 MB is tens of thousands of small
 * images, and still a file the browser can read into memory.
 */
export const MAX_PROJECT_FILE_BYTES = 512 * 1024 * 1024;

/**
 * The largest part other than the dataset (project.json, the model), unpacked, so a small zip
 * cannot expand without limit; the dataset's own limit comes from its header.
 */
export const MAX_PROJECT_JSON_BYTES = 64 * 1024 * 1024;

const MB = 1024 * 1024;
const megabytes = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

/** Refuses a file by its size alone, before any of it is read. */
export function checkProjectFileSize(bytes: number): void {
  if (bytes > MAX_PROJECT_FILE_BYTES) {
    throw new ProjectError(
      `This file is ${megabytes(bytes)}; project files are at most ${MAX_PROJECT_FILE_BYTES / MB} MB, so it was not opened.`,
    );
  }
}

/**
 * A project, with its trained model and its dataset (in the sample format) when given, as the
 * bytes of a `.layerwise` file.
 *
 * @throws ProjectError when the dataset does not match the project's dataset reference, so
 *   no file is written that would not open.
 */
export function writeProjectFile(
  project: Project,
  model: ModelPair | null = null,
  dataset: Uint8Array | null = null,
): Uint8Array {
  // Carried images and labels already have the class edits: none is left to make on them.
  const reference = project.data.dataset;
  const saved =
    dataset && reference
      ? { ...project, data: { ...project.data, dataset: { ...reference, classEdits: [] } } }
      : project;
  return zipSync({
    [PROJECT_ENTRY]: strToU8(JSON.stringify(saved)),
    ...(model && {
      [MODEL_ENTRY]: strToU8(JSON.stringify(model.modelJson)),
      [WEIGHTS_ENTRY]: new Uint8Array(model.weights),
    }),
    ...(dataset && { [DATASET_ENTRY]: checkDatasetEntry(dataset, project.data.dataset) }),
  });
}

/** Every zip starts with a local file header, "PK\x03\x04" (or "PK\x05\x06" when empty). */
function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

const ENTRIES: ReadonlySet<string> = new Set([
  PROJECT_ENTRY,
  MODEL_ENTRY,
  WEIGHTS_ENTRY,
  DATASET_ENTRY,
]);

function unpackEntries(bytes: Uint8Array): Record<string, Uint8Array> {
  // Read from the dataset's own header first, so the zip's word alone allocates nothing.
  const datasetBytes = datasetEntrySize(bytes);
  let oversized = 0;
  let entries;
  try {
    entries = unzipSync(bytes, {
      filter: (file) => {
        if (!ENTRIES.has(file.name)) return false;
        if (file.name === DATASET_ENTRY) {
          // Unzip must see the entry the directory walk measured, or neither is to be trusted.
          if (file.originalSize !== datasetBytes) {
            throw new Error(`${DATASET_ENTRY} is not where its directory says`);
          }
          return true;
        }
        if (file.originalSize > MAX_PROJECT_JSON_BYTES) oversized = file.originalSize;
        return oversized === 0;
      },
    });
  } catch (error) {
    throw new ProjectError(
      `This project file is damaged: its zip archive could not be read (${(error as Error).message}).`,
    );
  }
  if (oversized > 0) {
    throw new ProjectError(
      `A part of this project would unpack to ${megabytes(oversized)}, more than the ${MAX_PROJECT_JSON_BYTES / MB} MB a part may hold.`,
    );
  }
  if (!entries[PROJECT_ENTRY]) {
    throw new ProjectError(`This zip has no ${PROJECT_ENTRY}, so it is not a Layerwise project.`);
  }
  return entries;
}

/** The trained model a project file carries, or null; half a model is a damaged file. */
function savedModel(entries: Record<string, Uint8Array>): ModelPair | null {
  const json = entries[MODEL_ENTRY];
  const weights = entries[WEIGHTS_ENTRY];
  if (!json && !weights) return null;
  if (!json || !weights) {
    throw new ProjectError(
      `This project file is damaged: it has ${json ? MODEL_ENTRY : WEIGHTS_ENTRY} without ${json ? WEIGHTS_ENTRY : MODEL_ENTRY}.`,
    );
  }
  try {
    const modelJson = JSON.parse(strFromU8(json)) as Record<string, unknown>;
    return { modelJson, weights: weights.slice().buffer };
  } catch (error) {
    throw new ProjectError(
      `This project's ${MODEL_ENTRY} is not valid JSON (${(error as Error).message}).`,
    );
  }
}

/**
 * The project (and trained model) in a `.layerwise` file's bytes, or a ProjectError that says
 * what is wrong.
 */
export function readProjectFile(bytes: Uint8Array): ProjectFile {
  checkProjectFileSize(bytes.length);
  if (!looksLikeZip(bytes)) {
    throw new ProjectError('This file is not a Layerwise project: it is not a zip archive.');
  }
  const entries = unpackEntries(bytes);
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(entries[PROJECT_ENTRY]!));
  } catch (error) {
    if (error instanceof ProjectError) throw error;
    throw new ProjectError(
      `This project's ${PROJECT_ENTRY} is not valid JSON (${(error as Error).message}).`,
    );
  }
  const project = parseProject(json);
  const dataset = entries[DATASET_ENTRY];
  return {
    project,
    model: savedModel(entries),
    dataset: dataset ? checkDatasetEntry(dataset, project.data.dataset) : null,
  };
}
