import type { ImageOptions, SkippedItem, SourceFile } from '../../shared/dataset';
import { unpack } from '../../data/archive';
import type { FileHead } from '../../data/file-kinds';
import { classifyFiles } from '../../data/file-kinds';
import { sniffImage } from '../../data/image-header';
import type { ChunkDecoder } from './decode-pool';
import { createDecodePool } from './decode-pool';
import { loadCifar } from './load-cifar';
import { loadIdx } from './load-idx';
import type { ImageFile } from './load-images';
import { loadImages } from './load-images';
import type { LoadLog } from './load-error';
import { LoadError, MAX_UNPACKED_BYTES } from './load-error';
import type { LoadContext, RawDataset } from './raw-dataset';

/** How much of each file is read to tell what it holds: enough for any image header. */
export const HEAD_BYTES = 64 * 1024;

/** Files whose first bytes are read at once: enough to keep the disk busy, few enough to stay light. */
const HEAD_BATCH = 64;

/** How dropped files are loaded. */
export interface LoadFilesOptions {
  image: ImageOptions;
  /** A name the user gave the files (a download's name); it names the dataset. */
  name?: string;
  /** Starts the image decoders; tests give a stand-in, the browser uses worker threads. */
  createDecoder?: () => ChunkDecoder;
}

/** Files sorted by kind, loose and unpacked from archives alike. */
interface Sorted {
  idx: SourceFile[];
  cifar: SourceFile[];
  cifarMeta: SourceFile[];
  images: ImageFile[];
  /** Every folder path seen, so a class folder without images can be named. */
  folders: Set<string>;
}

type Kind = 'idx' | 'cifar' | 'images';

const KIND_WORDS: Record<Kind, string> = {
  idx: 'IDX files',
  cifar: 'CIFAR-10 batches',
  images: 'image folders',
};

/**
 * Loads files the user dropped or picked (or that were downloaded): IDX files, CIFAR-10
 * batches, or images in one folder per class, loose or inside zip, tar and gzip archives.
 * One kind is loaded — IDX before CIFAR-10 before images — and files of the other kinds are
 * reported as not used, as is every file that could not be read, one entry per file.
 *
 * @throws LoadError when nothing usable remains, with every skipped file listed.
 */
export async function loadFiles(
  files: SourceFile[],
  options: LoadFilesOptions,
  ctx: LoadContext,
): Promise<RawDataset> {
  const log: LoadLog = { skipped: [], notes: [] };
  if (files.length === 0) {
    throw new LoadError(
      'No files were given: drop a folder of images, IDX or CIFAR-10 files, or an archive of them.',
      [],
    );
  }
  try {
    const sorted = await sortFiles(uniquePaths(files, log), log, ctx);
    const kind: Kind | null =
      sorted.idx.length > 0
        ? 'idx'
        : sorted.cifar.length > 0
          ? 'cifar'
          : sorted.images.length > 0
            ? 'images'
            : null;
    if (kind === null) throw new LoadError(nothingFound(log.skipped), log.skipped);
    reportUnused(sorted, kind, log);
    const dataset = await loadKind(kind, sorted, options, log, ctx);
    return {
      ...dataset,
      report: {
        loaded: dataset.labels.length,
        skipped: onePerFile(log.skipped),
        notes: [...log.notes, ...dataset.report.notes],
        fromCache: false,
      },
    };
  } catch (error) {
    if (error instanceof LoadError) throw new LoadError(error.message, onePerFile(error.skipped));
    throw error;
  }
}

function loadKind(
  kind: Kind,
  sorted: Sorted,
  options: LoadFilesOptions,
  log: LoadLog,
  ctx: LoadContext,
): Promise<RawDataset> {
  switch (kind) {
    case 'idx':
      return loadIdx(sorted.idx, log, ctx, options.name);
    case 'cifar':
      return loadCifar(sorted.cifar, sorted.cifarMeta, log, ctx);
    case 'images':
      return loadImages(sorted.images, [...sorted.folders], options.image, log, ctx, {
        createDecoder: options.createDecoder ?? (() => createDecodePool()),
        ...(options.name ? { name: options.name } : {}),
      });
  }
}

/** A path given twice would make two files indistinguishable in the report: keep the first. */
function uniquePaths(files: SourceFile[], log: LoadLog): SourceFile[] {
  const seen = new Set<string>();
  return files.filter(({ path }) => {
    if (!seen.has(path)) return seen.add(path);
    log.skipped.push({ path, reason: 'the same path was given twice; the first file was used' });
    return false;
  });
}

/** Reads the first bytes of every file, sorts them by kind and unpacks the archives. */
async function sortFiles(files: SourceFile[], log: LoadLog, ctx: LoadContext): Promise<Sorted> {
  const sorted: Sorted = { idx: [], cifar: [], cifarMeta: [], images: [], folders: new Set() };
  const heads = await readHeads(files, ctx);
  const archives = addClassified(sorted, heads, files, log);
  for (const archive of archives) {
    ctx.signal.throwIfAborted();
    const inner = await unpackArchive(archive, log);
    const nested = addClassified(sorted, inner.heads, inner.files, log);
    for (const { path } of nested) {
      log.skipped.push({
        path,
        reason: 'an archive inside an archive is not unpacked: extract it and drop its contents',
      });
    }
  }
  return sorted;
}

/** The first HEAD_BYTES of each file, a batch at a time, with 'reading' progress. */
async function readHeads(files: SourceFile[], ctx: LoadContext): Promise<FileHead[]> {
  const heads: FileHead[] = [];
  const progress = (done: number) =>
    ctx.progress({ stage: 'reading', done, total: files.length, unit: 'files' });
  progress(0);
  for (let start = 0; start < files.length; start += HEAD_BATCH) {
    ctx.signal.throwIfAborted();
    const batch = files.slice(start, start + HEAD_BATCH);
    const read = await Promise.all(
      batch.map(async ({ path, file }) => ({
        path,
        head: new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer()),
        size: file.size,
      })),
    );
    heads.push(...read);
    progress(heads.length);
  }
  return heads;
}

/**
 * Adds classified files to `sorted` and their skips to `log`.
 *
 * @returns the archives among them, for the caller to unpack or refuse.
 */
function addClassified(
  sorted: Sorted,
  heads: FileHead[],
  files: SourceFile[],
  log: LoadLog,
): SourceFile[] {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const headOf = new Map(heads.map((head) => [head.path, head.head]));
  const kinds = classifyFiles(heads);
  const take = (paths: string[]) => paths.map((path) => byPath.get(path)!);
  log.skipped.push(...kinds.skipped);
  sorted.idx.push(...take(kinds.idx));
  sorted.cifar.push(...take(kinds.cifar));
  sorted.cifarMeta.push(...take(kinds.cifarMeta));
  sorted.images.push(
    ...take(kinds.images).map((file) => ({ ...file, header: sniffImage(headOf.get(file.path)!) })),
  );
  for (const { path } of files) {
    const folder = path.slice(0, Math.max(0, path.lastIndexOf('/')));
    if (folder !== '') sorted.folders.add(folder);
  }
  return take(kinds.archives);
}

/** An archive's files, named `archive/path inside`, so the report says where each came from. */
async function unpackArchive(
  archive: SourceFile,
  log: LoadLog,
): Promise<{ files: SourceFile[]; heads: FileHead[] }> {
  let contents;
  try {
    contents = unpack(
      new Uint8Array(await archive.file.arrayBuffer()),
      archive.path,
      MAX_UNPACKED_BYTES,
    );
  } catch (error) {
    log.skipped.push({
      path: archive.path,
      reason: error instanceof Error ? error.message : String(error),
    });
    return { files: [], heads: [] };
  }
  const inside = (path: string) => `${archive.path}/${path}`;
  log.skipped.push(...contents.skipped.map(({ path, reason }) => ({ path: inside(path), reason })));
  const files: SourceFile[] = [];
  const heads: FileHead[] = [];
  for (const entry of contents.entries) {
    const path = inside(entry.path);
    files.push({ path, file: new Blob([entry.bytes as Uint8Array<ArrayBuffer>]) });
    heads.push({ path, head: entry.bytes.subarray(0, HEAD_BYTES), size: entry.bytes.length });
  }
  return { files, heads };
}

/** Why nothing loaded: the one reason when a single file was given, else a count. */
function nothingFound(skipped: SkippedItem[]): string {
  const [only, ...others] = onePerFile(skipped);
  if (only && others.length === 0) {
    const reason = only.reason.includes(only.path) ? only.reason : `${only.path}: ${only.reason}`;
    return `No images or dataset files were found: ${reason}.`;
  }
  const count = others.length + (only ? 1 : 0);
  return (
    `No images or dataset files were found: ${count} file${count === 1 ? ' was' : 's were'} ` +
    'skipped (see the list).'
  );
}

/** Files of the kinds not loaded are accounted for too. */
function reportUnused(sorted: Sorted, kind: Kind, log: LoadLog): void {
  const reason = `not used: this drop was loaded as ${KIND_WORDS[kind]}`;
  const unused = [
    ...(kind === 'idx' ? [] : sorted.idx),
    ...(kind === 'cifar' ? [] : [...sorted.cifar, ...sorted.cifarMeta]),
    ...(kind === 'images' ? [] : sorted.images),
  ];
  log.skipped.push(...unused.map(({ path }) => ({ path, reason })));
}

/** One entry per file: the first reason given for it is the one that decided. */
function onePerFile(skipped: SkippedItem[]): SkippedItem[] {
  const seen = new Set<string>();
  return skipped.filter(({ path }) => !seen.has(path) && !!seen.add(path));
}
