/**
 * Classes from folder names: a dropped or picked folder holds one sub-folder per class, and
 * each image's class is the folder it sits in.
 */
import type { SkippedItem } from '../shared/dataset';
import { MAX_CLASSES } from '../shared/dataset';

/** File extensions read as images (compared case-insensitively). */
export const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'bmp', 'webp'];

const LEAVES_DROP = 'its path climbs out of the dropped folder (..), so it has no class folder';
const SYSTEM_NAMES = new Set(['.ds_store', 'thumbs.db', 'desktop.ini']);
const collator = new Intl.Collator('en', { numeric: true });

/** The extension of a file name, lower-cased and without the dot ('' when there is none). */
export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** Path segments, with Windows separators and leading `./` or `/` removed. */
function segmentsOf(path: string): string[] {
  return path
    .replace(/\\/g, '/')
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.');
}

/** Files that operating systems and archivers add next to the user's own (macOS, Windows). */
function isSystemFile(segments: string[]): boolean {
  const name = segments[segments.length - 1] ?? '';
  return (
    segments.includes('__MACOSX') || name.startsWith('._') || SYSTEM_NAMES.has(name.toLowerCase())
  );
}

/**
 * How many leading folders every image shares and that are not classes: the dropped folder
 * itself, and the wrapper folders zips often add. Stops before the files would leave folders.
 */
function sharedDepth(files: string[][]): number {
  let depth = 0;
  for (;;) {
    const top = files[0]?.[depth];
    const allShare = files.every(
      (segments) => segments.length > depth + 1 && segments[depth] === top,
    );
    const someStayInFolder = files.some((segments) => segments.length - (depth + 1) >= 2);
    if (top === undefined || !allShare || !someStayInFolder) return depth;
    depth++;
  }
}

/**
 * Assigns each image to the class named by its folder under the dropped root (nested folders
 * count toward the first one), and lists what was skipped and why. `folders`, when given,
 * are known folder paths, used to report class folders that hold no image.
 */
export function assignClasses(
  paths: string[],
  folders?: string[],
): {
  classNames: string[];
  assigned: { path: string; classIndex: number }[];
  skipped: SkippedItem[];
  emptyClasses: string[];
} {
  const skipped: SkippedItem[] = [];
  const images: { path: string; segments: string[] }[] = [];
  for (const path of paths) {
    const segments = segmentsOf(path);
    const extension = extensionOf(segments.join('/'));
    // A ".." segment would make a class of ".." or of a folder outside the drop.
    if (segments.includes('..')) skipped.push({ path, reason: LEAVES_DROP });
    else if (isSystemFile(segments)) skipped.push({ path, reason: 'system file' });
    else if (!IMAGE_EXTENSIONS.includes(extension)) {
      const shown = extension === '' ? 'no extension' : `.${extension}`;
      skipped.push({ path, reason: `not an image file (${shown})` });
    } else images.push({ path, segments });
  }
  const depth = sharedDepth(images.map((image) => image.segments));
  const root = images[0]?.segments.slice(0, depth) ?? [];
  const classOf = new Map<string, string>();
  for (const { path, segments } of images) {
    if (segments.length - depth < 2) skipped.push({ path, reason: 'not inside a class folder' });
    else classOf.set(path, segments[depth]!);
  }
  const classNames = [...new Set(classOf.values())].sort(
    (a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0),
  );
  if (classNames.length > MAX_CLASSES) {
    const where = root.length > 0 ? root.join('/') : 'The dropped folder';
    throw new Error(
      `${where} has ${classNames.length} class folders; at most ${MAX_CLASSES} classes are supported`,
    );
  }
  const indexOf = new Map(classNames.map((name, index) => [name, index]));
  const assigned = images
    .filter(({ path }) => classOf.has(path))
    .map(({ path }) => ({ path, classIndex: indexOf.get(classOf.get(path)!)! }));
  const emptyClasses = new Set<string>();
  for (const folder of folders ?? []) {
    const segments = segmentsOf(folder);
    const underRoot = root.every((segment, i) => segments[i] === segment);
    const name = segments[depth];
    if (segments.includes('..')) continue;
    if (!underRoot || name === undefined || isSystemFile(segments.slice(0, depth + 1))) continue;
    if (!indexOf.has(name)) emptyClasses.add(name);
  }
  return {
    classNames,
    assigned,
    skipped,
    emptyClasses: [...emptyClasses].sort((a, b) => collator.compare(a, b)),
  };
}
