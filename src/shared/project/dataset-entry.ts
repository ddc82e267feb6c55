import type { SampleHeader } from '../../data/sample-format';
import {
  SAMPLE_WIDE_HEADER_BYTES,
  decodeDataset,
  readSampleHeader,
} from '../../data/sample-format';
import type { DatasetReference } from './project';
import { MAX_DATASET_BYTES } from './project';
import { ProjectError } from './project-error';
import { entryPrefix, findZipEntry } from './zip-entry';

/**
 * The entry of a `.layerwise` file that carries the dataset when the user chose to include
 * it: its images and labels in the Layerwise sample format (src/data/sample-format.ts). The
 * class names, shape and aspect policy are in project.json's dataset reference.
 */
export const DATASET_ENTRY = 'data/dataset.lwds';

const MB = 1024 * 1024;

/** Deflate never expands a byte into more than 1032: an entry claiming more is lying. */
const MAX_DEFLATE_RATIO = 1032;

const megabytes = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

function damaged(reason: string): ProjectError {
  return new ProjectError(`This project's dataset (${DATASET_ENTRY}) is damaged: ${reason}.`);
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The exact unpacked size of a project file's dataset entry, read from the sample header at
 * its start before anything else is unpacked: the entry may unpack to that many bytes and no
 * more. Null when the file carries no dataset (or its zip directory is unreadable, which
 * unzipping then reports).
 *
 * @throws ProjectError when the header is damaged, disagrees with the zip, or asks for more
 *   than a project may carry.
 */
export function datasetEntrySize(zip: Uint8Array): number | null {
  const entry = findZipEntry(zip, DATASET_ENTRY);
  if (!entry) return null;
  let header: SampleHeader;
  try {
    header = readSampleHeader(entryPrefix(entry, SAMPLE_WIDE_HEADER_BYTES));
  } catch (error) {
    throw damaged(reasonOf(error));
  }
  const { byteLength } = header;
  if (byteLength > MAX_DATASET_BYTES) {
    throw new ProjectError(
      `This project's dataset would unpack to ${megabytes(byteLength)}, more than the ${MAX_DATASET_BYTES / MB} MB a project may carry.`,
    );
  }
  const packed = entry.data.length;
  const mostUnpacked = entry.compression === 0 ? packed : packed * MAX_DEFLATE_RATIO;
  if (byteLength !== entry.originalSize || byteLength > mostUnpacked) {
    throw damaged(
      `its header promises ${byteLength} bytes, but the file holds ${entry.originalSize} (${packed} packed)`,
    );
  }
  return byteLength;
}

/**
 * Checks an unpacked dataset entry against the project's dataset reference: a complete sample
 * file whose classes and image shape are the ones project.json names. Returns the bytes.
 *
 * @throws ProjectError saying what is wrong.
 */
export function checkDatasetEntry(
  bytes: Uint8Array,
  reference: DatasetReference | null,
): Uint8Array {
  if (!reference) throw damaged('project.json does not say which dataset it is');
  let decoded;
  try {
    decoded = decodeDataset(bytes);
  } catch (error) {
    throw damaged(reasonOf(error));
  }
  const { classes, rows, cols, channels } = decoded;
  if (classes !== reference.classNames.length) {
    throw damaged(
      `it has ${classes} classes, but project.json names ${reference.classNames.length}`,
    );
  }
  const shape = [rows, cols, channels].join('×');
  if (shape !== reference.inputShape.join('×')) {
    throw damaged(
      `its images are ${shape}, but project.json says ${reference.inputShape.join('×')}`,
    );
  }
  return bytes;
}
