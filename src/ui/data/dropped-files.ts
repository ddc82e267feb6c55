/** A dropped file or folder as the File System Access API gives it (Chromium). */
export type Handle =
  | { kind: 'file'; name: string; getFile(): Promise<File> }
  | { kind: 'directory'; name: string; values(): AsyncIterable<Handle> };

/**
 * One thing dropped: a handle to walk (null when the browser gives none, then `file`), an
 * entry of the older File and Directory Entries API where there are no handles, or a file.
 */
export type Dropped =
  | { handle: Promise<Handle | null>; file: File | null }
  | { entry: FileSystemEntry }
  | { file: File };

type ItemWithHandle = DataTransferItem & { getAsFileSystemHandle?: () => Promise<Handle | null> };

/** Files a file manager leaves in folders that are never part of a dataset. */
const IGNORED = new Set(['.DS_Store', 'Thumbs.db']);

/**
 * Files opened at once while walking handles. One at a time, 20,000 files took 13.6 s to
 * open in Chromium on the 2-core bench machine; 16 at a time took 4.5 s, with no task over 60 ms.
 */
export const OPEN_AT_ONCE = 16;

/**
 * What a drop holds. Must run while the drop event is dispatched: the browser empties the
 * DataTransfer once the event's handlers return.
 */
export function dropEntries(data: DataTransfer): Dropped[] {
  const dropped: Dropped[] = [];
  for (const item of Array.from(data.items) as ItemWithHandle[]) {
    if (item.kind !== 'file') continue;
    // Handles rather than entries where there are both: opening many files through entries
    // blocked Chromium's page for 10 s in one task at 20,000 files.
    if (globalThis.isSecureContext && typeof item.getAsFileSystemHandle === 'function') {
      dropped.push({ handle: item.getAsFileSystemHandle(), file: item.getAsFile() });
      continue;
    }
    const entry = item.webkitGetAsEntry();
    const file = entry ? null : item.getAsFile();
    if (entry) dropped.push({ entry });
    else if (file) dropped.push({ file });
  }
  return dropped;
}

type WithDirectoryPicker = { showDirectoryPicker?: (options?: object) => Promise<Handle> };

/**
 * The browser's own folder picker that hands over a handle to walk (the File System Access
 * API: Chromium, in secure contexts), or null where there is none. Unlike a folder input,
 * whose file list the browser builds in one task before any page code runs (0.5–1 s for
 * 2,000 files, seconds for 20,000, the page frozen throughout), a handle is walked like a
 * dropped folder: a file count on screen, Cancel, no long task.
 */
export function folderPicker(): (() => Promise<Handle>) | null {
  const picker = (globalThis as WithDirectoryPicker).showDirectoryPicker;
  if (!globalThis.isSecureContext || typeof picker !== 'function') return null;
  return () => picker.call(globalThis, { id: 'layerwise-dataset', mode: 'read' });
}

const isFile = (entry: FileSystemEntry): entry is FileSystemFileEntry => entry.isFile;
const isDirectory = (entry: FileSystemEntry): entry is FileSystemDirectoryEntry =>
  entry.isDirectory;

const fileOf = (entry: FileSystemFileEntry) =>
  new Promise<File>((resolve, reject) => entry.file(resolve, reject));

const readBatch = (reader: FileSystemDirectoryReader) =>
  new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));

/** Runs at most `limit` of the tasks given to it at once. */
function limiter(limit: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

/**
 * Walks dropped folders into their files, each carrying its path from the drop
 * ("/pets/cats/tom.png") as `relativePath`, where `sourcePath` reads it, sorted by that path. `onCount` hears the
 * running count as files are found.
 *
 * @throws the signal's reason once it is aborted.
 */
export async function walkDropped(
  dropped: Dropped[],
  signal: AbortSignal,
  onCount: (count: number) => void,
): Promise<File[]> {
  const files: File[] = [];
  const add = (file: File, path: string) => {
    if (IGNORED.has(file.name)) return;
    Object.defineProperty(file, 'relativePath', { value: path, enumerable: true });
    files.push(file);
    onCount(files.length);
  };
  const open = limiter(OPEN_AT_ONCE);
  const visitHandle = async (handle: Handle, path: string): Promise<void> => {
    signal.throwIfAborted();
    if (handle.kind === 'file') {
      add(await open(() => (signal.throwIfAborted(), handle.getFile())), path);
      return;
    }
    const children: Promise<void>[] = [];
    for await (const child of handle.values()) {
      children.push(visitHandle(child, `${path}/${child.name}`));
    }
    await Promise.all(children);
  };
  // Entries are opened one at a time: many at once is what blocked the page (see above).
  const visitEntry = async (entry: FileSystemEntry): Promise<void> => {
    signal.throwIfAborted();
    if (isFile(entry)) {
      add(await fileOf(entry), entry.fullPath);
    } else if (isDirectory(entry)) {
      const reader = entry.createReader();
      for (let batch = await readBatch(reader); batch.length > 0; batch = await readBatch(reader)) {
        for (const child of batch) await visitEntry(child);
      }
    }
  };
  for (const item of dropped) {
    if ('handle' in item) {
      const handle = await item.handle;
      if (handle)
        await visitHandle(handle, handle.kind === 'file' ? handle.name : `/${handle.name}`);
      else if (item.file) add(item.file, item.file.name);
    } else if ('entry' in item) {
      await visitEntry(item.entry);
    } else {
      add(item.file, item.file.name);
    }
  }
  signal.throwIfAborted();
  // Opened many at once, the files come in the order their opens finish: sorted by path, a
  // folder gives the same list, and so the same splits for a seed, every time it is loaded.
  const pathOf = (file: File) => (file as File & { relativePath: string }).relativePath;
  return files.sort((a, b) => (pathOf(a) < pathOf(b) ? -1 : pathOf(a) > pathOf(b) ? 1 : 0));
}
