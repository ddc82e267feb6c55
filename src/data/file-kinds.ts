/**
 * Sorting dropped files by what they hold, from their names and first bytes, before anything
 * is read in full: IDX files, CIFAR-10 batches and their class names, archives, images, and
 * everything else (skipped, with a reason).
 */
import type { SkippedItem } from '../shared/dataset';
import { isGzip, isTar, isZip } from './archive';
import { CIFAR_RECORD_BYTES, isCifarPath } from './cifar';
import { IMAGE_EXTENSIONS, extensionOf } from './folder-layout';
import { sniffImage } from './image-header';

/** A dropped file: its path, its first bytes (up to 64 KiB) and, when known, its full size. */
export interface FileHead {
  path: string;
  head: Uint8Array;
  /** The whole file's size in bytes; taken as `head.length` when absent. */
  size?: number;
}

/** Paths of each kind of file, in the order given, and the files that are none of them. */
export interface FileKinds {
  idx: string[];
  cifar: string[];
  cifarMeta: string[];
  archives: string[];
  images: string[];
  skipped: SkippedItem[];
}

/** MNIST-style names: `train-images-idx3-ubyte`, `t10k-labels.idx1-ubyte`. */
const IDX_NAME = /idx\d[-_.]ubyte$/i;
const ARCHIVE_NAME = /\.(zip|tar|tar\.gz|tgz)$/i;

function isIdxMagic(head: Uint8Array): boolean {
  return head[0] === 0 && head[1] === 0 && head[2] === 0x08 && head.length >= 4;
}

type Kind = Exclude<keyof FileKinds, 'skipped'>;

function kindOf(file: FileHead): Kind | { reason: string } {
  const { path, head } = file;
  const name = path.slice(path.replace(/\\/g, '/').lastIndexOf('/') + 1);
  // A gzip-compressed dataset file is judged by the name it has once unpacked.
  const inner = name.replace(/\.gz$/i, '');
  if (head.length === 0) return { reason: 'empty file (0 bytes)' };
  if (name.toLowerCase() === 'batches.meta.txt') return 'cifarMeta';
  if (IDX_NAME.test(inner) || isIdxMagic(head)) return 'idx';
  if (isCifarPath(inner)) return 'cifar';
  const extension = extensionOf(name);
  const size = file.size ?? head.length;
  if (extension === 'bin' && size % CIFAR_RECORD_BYTES === 0) return 'cifar';
  if (ARCHIVE_NAME.test(name)) return 'archives';
  if (IMAGE_EXTENSIONS.includes(extension) || sniffImage(head) !== null) return 'images';
  // Other gzip files are unpacked and their content sorted again.
  if (isZip(head) || isTar(head) || isGzip(head)) return 'archives';
  const shown = extension === '' ? 'no extension' : `.${extension}`;
  return { reason: `not an image or dataset file (${shown})` };
}

/**
 * Sorts files by kind from their names and first bytes. An image-named file whose bytes are
 * not an image still counts as an image: decoding it reports it as corrupt.
 */
export function classifyFiles(files: FileHead[]): FileKinds {
  const kinds: FileKinds = {
    idx: [],
    cifar: [],
    cifarMeta: [],
    archives: [],
    images: [],
    skipped: [],
  };
  for (const file of files) {
    const kind = kindOf(file);
    if (typeof kind === 'string') kinds[kind].push(file.path);
    else kinds.skipped.push({ path: file.path, reason: kind.reason });
  }
  return kinds;
}
