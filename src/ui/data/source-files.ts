import type { ImageOptions, SourceFile } from '../../shared/dataset';
import type { Command } from '../../shared/protocol';

/** What a browser File may carry about where it came from (react-dropzone adds the first two). */
interface FileWithPaths {
  name: string;
  relativePath?: unknown;
  path?: unknown;
  webkitRelativePath?: string;
}

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value !== '';

/**
 * A file's path relative to what the user dropped or picked ("cats/tom.png"), so the worker can
 * read the class from the folder. Drops report "./cats/tom.png" or "/cats/tom.png"; the leading
 * "./" or "/" says nothing about the class and is removed.
 */
export function sourcePath(file: FileWithPaths): string {
  const path = [file.relativePath, file.path, file.webkitRelativePath].find(nonEmpty) ?? file.name;
  return path.replace(/^\.?\/+/, '');
}

/** The user's files with their paths, as a `files` dataset source carries them. */
export function sourceFiles(files: Iterable<File>): SourceFile[] {
  return [...files].map((file) => ({ path: sourcePath(file), file }));
}

/**
 * Files per message. Cloning a File into a message costs 0.3–0.8 ms on the page (measured
 * with the bench's ingest run), so a part of 50 keeps each task near 30 ms, where one message
 * of 2,000 files blocked the page for over a second.
 */
export const FILES_PER_MESSAGE = 50;

/**
 * The commands that load `files`: the files staged in parts of {@link FILES_PER_MESSAGE},
 * then the load itself. The caller sends them with a pause between, so the page can paint.
 */
export function filesLoadCommands(files: SourceFile[], image: ImageOptions): Command[] {
  const parts: Command[] = [];
  for (let at = 0; at < files.length; at += FILES_PER_MESSAGE) {
    parts.push({ type: 'stageFiles', files: files.slice(at, at + FILES_PER_MESSAGE) });
  }
  return [...parts, { type: 'loadDataset', source: { kind: 'files', files: [], image } }];
}
