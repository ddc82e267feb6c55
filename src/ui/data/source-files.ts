import type { SourceFile } from '../../shared/dataset';

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
