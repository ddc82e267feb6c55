import type { ImageOptions, SourceFile } from '../../shared/dataset';
import { assignClasses } from '../../data/folder-layout';
import type { ImageHeader } from '../../data/image-header';
import { checkImageSize } from '../../data/image-header';
import { animatedNote, tinyImagesNote } from '../../data/image-notes';
import type { ChunkDecoder } from './decode-pool';
import type { LoadLog } from './load-error';
import { LoadError, MAX_UNPACKED_BYTES } from './load-error';
import type { LoadContext, RawDataset } from './raw-dataset';

/**
 * An image file with what its first bytes said (null: not an image). Only the header is kept,
 * not the bytes: 20,000 files' first bytes would hold up to a gigabyte for the whole load.
 */
export type ImageFile = SourceFile & { header: ImageHeader | null };

/** What the image loader needs besides the files. */
export interface ImageLoadDeps {
  createDecoder: () => ChunkDecoder;
  /** A name the user gave the files; the dropped folder's name is used when there is none. */
  name?: string;
}

/** Images decoded per message to a decode worker: big enough to amortise the message. */
export const DECODE_CHUNK = 32;

/** The largest side chosen from the data when the user picks no size. */
export const MAX_AUTO_SIDE = 64;

/** Luma weights (ITU-R BT.601), as the playground uses for one-channel inputs. */
const LUMA = [0.299, 0.587, 0.114] as const;

const NOT_AN_IMAGE = 'not a PNG, JPEG, GIF, BMP or WebP image (the bytes do not match)';
const UNDECODABLE = 'corrupt or unsupported image: the browser could not decode it';

/** An image that passed the header checks, waiting to be decoded. */
interface Candidate {
  file: Blob;
  path: string;
  classIndex: number;
  header: ImageHeader;
}

/**
 * Loads images in one folder per class: classes from folder names, each image decoded in a
 * pool of workers, fitted to one size and packed into a single uint8 store a chunk at a time,
 * so no more than one chunk of full-size bitmaps is ever alive.
 *
 * @param folders every folder path in the drop, to name class folders that hold no image.
 * @throws LoadError when fewer than two classes end up with images.
 */
export async function loadImages(
  images: ImageFile[],
  folders: string[],
  options: ImageOptions,
  log: LoadLog,
  ctx: LoadContext,
  deps: ImageLoadDeps,
): Promise<RawDataset> {
  const byPath = new Map(images.map((image) => [image.path, image]));
  let layout;
  try {
    layout = assignClasses(
      images.map((image) => image.path),
      folders,
    );
  } catch (error) {
    throw new LoadError(error instanceof Error ? error.message : String(error), log.skipped);
  }
  log.skipped.push(...layout.skipped);
  const name = deps.name ?? droppedFolderName(layout.assigned.map(({ path }) => path));
  for (const empty of layout.emptyClasses) {
    log.notes.push(`The class folder ${empty} holds no image, so it is not a class.`);
  }

  const candidates: Candidate[] = [];
  const sides: number[] = [];
  for (const { path, classIndex } of layout.assigned) {
    const image = byPath.get(path)!;
    const { header } = image;
    const tooBig = header?.width != null ? checkImageSize(header.width, header.height, path) : null;
    if (header === null) log.skipped.push({ path, reason: NOT_AN_IMAGE });
    else if (tooBig !== null) log.skipped.push({ path, reason: tooBig });
    else {
      candidates.push({ file: image.file, path, classIndex, header });
      if (header.width !== null) sides.push(Math.min(header.width, header.height));
    }
  }
  checkClassCount(name, layout.classNames, candidates, log);

  const [height, width] = options.size ?? autoSize(sides, options, log);
  const bytesNeeded = candidates.length * height * width * 3;
  if (bytesNeeded > MAX_UNPACKED_BYTES) {
    throw new LoadError(
      `${candidates.length.toLocaleString('en')} images of ${width}×${height} need ` +
        `${Math.round(bytesNeeded / 1e6)} MB, more than this tab can hold; choose a smaller size.`,
      log.skipped,
    );
  }
  const decoded = await decodeAll(candidates, { width, height, aspect: options.aspect }, ctx, deps);
  const kept = candidates.filter((candidate, i) => {
    if (decoded.ok[i]) return true;
    log.skipped.push({ path: candidate.path, reason: UNDECODABLE });
    return false;
  });
  checkClassCount(name, layout.classNames, kept, log);
  const animated = animatedNote(
    kept.filter(({ header }) => header.animated).map(({ path }) => path),
  );
  const tiny = tinyImagesNote(
    kept.map(({ path, header }) => ({ path, width: header.width, height: header.height })),
    [height, width],
  );
  log.notes.push(...[animated, tiny].filter((note) => note !== null));

  const everyImageGray = decoded.gray.every((gray, i) => gray === 1 || decoded.ok[i] === 0);
  const channels = options.channels ?? (everyImageGray ? 1 : 3);
  if (options.channels === null && everyImageGray) {
    log.notes.push('Every image is gray, so they were loaded with one channel.');
  }
  const pixels = compact(decoded.store, decoded.ok, width * height, channels);
  const { classNames, labels } = dropEmptyClasses(layout.classNames, kept, log);
  return {
    name,
    shape: [height, width, channels],
    classNames,
    labels,
    pixels,
    report: { loaded: labels.length, skipped: [], notes: [], fromCache: false },
  };
}

/**
 * The side of the square target when the user chose none: the most common shorter side
 * among the image headers, capped at MAX_AUTO_SIDE.
 */
export function autoSide(sides: number[]): number {
  const counts = new Map<number, number>();
  let best = MAX_AUTO_SIDE;
  let bestCount = 0;
  for (const side of sides) {
    const count = (counts.get(side) ?? 0) + 1;
    counts.set(side, count);
    // Ties go to the smaller side: fewer bytes per image, and no upscaling of the smaller ones.
    if (count > bestCount || (count === bestCount && side < best))
      [best, bestCount] = [side, count];
  }
  return Math.min(MAX_AUTO_SIDE, best);
}

function autoSize(sides: number[], options: ImageOptions, log: LoadLog): [number, number] {
  const side = autoSide(sides);
  log.notes.push(
    `Images were fitted to ${side}×${side} (${options.aspect === 'crop' ? 'centre-cropped' : options.aspect === 'pad' ? 'padded' : 'stretched'}), ` +
      `the most common size in the data${side === MAX_AUTO_SIDE ? `, capped at ${MAX_AUTO_SIDE}` : ''}.`,
  );
  return [side, side];
}

/** The folder the user dropped (or the archive, without its extension), if all images share one. */
export function droppedFolderName(paths: string[]): string {
  const split = paths.map((path) => path.split('/').filter((part) => part !== ''));
  // The last two segments are the class folder and the file, so they never name the drop.
  const depth = Math.min(...split.map((segments) => segments.length - 2));
  let shared = 0;
  while (shared < depth && split.every((segments) => segments[shared] === split[0]![shared])) {
    shared++;
  }
  const folder = shared > 0 ? split[0]![shared - 1]! : '';
  return folder.replace(/\.(zip|tar|tar\.gz|tgz)$/i, '') || 'Image folders';
}

/** Throws when fewer than two classes have an image left, naming what there is. */
function checkClassCount(
  name: string,
  classNames: string[],
  images: { classIndex: number }[],
  log: LoadLog,
): void {
  const present = [...new Set(images.map((image) => image.classIndex))].map((i) => classNames[i]!);
  if (present.length >= 2) return;
  if (present.length === 0) {
    throw new LoadError(`No image in ${name} could be loaded (see the list).`, log.skipped);
  }
  const only =
    classNames.length === 1 ? 'only one class folder' : 'only one class folder with usable images';
  throw new LoadError(
    `${name} has ${only} (${present[0]}); a classifier needs at least two.`,
    log.skipped,
  );
}

/** The decoded store (RGB, in candidate order) and, per image, whether it decoded and is gray. */
interface DecodedImages {
  store: Uint8Array;
  ok: Uint8Array;
  gray: Uint8Array;
}

/**
 * Decodes every candidate in chunks, keeping as many chunks in flight as the pool has
 * workers, and writes each chunk into the store as soon as it arrives.
 */
async function decodeAll(
  candidates: Candidate[],
  target: { width: number; height: number; aspect: ImageOptions['aspect'] },
  ctx: LoadContext,
  deps: ImageLoadDeps,
): Promise<DecodedImages> {
  const size = target.width * target.height * 3;
  const count = candidates.length;
  const result: DecodedImages = {
    store: new Uint8Array(count * size),
    ok: new Uint8Array(count),
    gray: new Uint8Array(count),
  };
  ctx.signal.throwIfAborted();
  const pool = deps.createDecoder();
  // Cancelling stops the workers at once rather than after the chunks in flight.
  const stop = () => pool.close();
  ctx.signal.addEventListener('abort', stop);
  let next = 0;
  let done = 0;
  const progress = () => ctx.progress({ stage: 'decoding', done, total: count, unit: 'images' });
  progress();
  const lane = async () => {
    while (next < count) {
      const start = next;
      next = Math.min(count, start + DECODE_CHUNK);
      const files = candidates.slice(start, next).map((candidate) => candidate.file);
      const chunk = await pool.decode({ files, target });
      result.store.set(chunk.pixels, start * size);
      result.ok.set(chunk.decoded, start);
      result.gray.set(chunk.gray, start);
      done += files.length;
      progress();
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, pool.size) }, lane));
  } catch (error) {
    // A cancel surfaces as the pool stopping; report it as the cancel it is.
    ctx.signal.throwIfAborted();
    throw error;
  } finally {
    ctx.signal.removeEventListener('abort', stop);
    pool.close();
  }
  return result;
}

/**
 * Moves the decoded images to the front of the store, converting to one channel (luma) when
 * asked. In place: an image never moves to a later position, so nothing is overwritten before
 * it is read.
 */
export function compact(
  store: Uint8Array,
  ok: Uint8Array,
  pixelsPerImage: number,
  channels: 1 | 3,
): Uint8Array {
  const from = pixelsPerImage * 3;
  const to = pixelsPerImage * channels;
  let kept = 0;
  for (let i = 0; i < ok.length; i++) {
    if (!ok[i]) continue;
    if (channels === 3) {
      if (kept !== i) store.copyWithin(kept * to, i * from, (i + 1) * from);
    } else {
      for (let p = 0, src = i * from, dst = kept * to; p < pixelsPerImage; p++, src += 3, dst++) {
        store[dst] = Math.round(
          LUMA[0] * store[src]! + LUMA[1] * store[src + 1]! + LUMA[2] * store[src + 2]!,
        );
      }
    }
    kept++;
  }
  // A copy releases the unused tail; when nothing was dropped the store is returned as it is.
  return kept * to === store.length ? store : store.slice(0, kept * to);
}

/** Classes left without images are dropped, and labels renumbered to match. */
function dropEmptyClasses(
  classNames: string[],
  kept: Candidate[],
  log: LoadLog,
): { classNames: string[]; labels: Uint8Array } {
  const counts = new Array<number>(classNames.length).fill(0);
  for (const { classIndex } of kept) counts[classIndex]! += 1;
  const newIndex = new Map<number, number>();
  const names: string[] = [];
  classNames.forEach((className, i) => {
    if (counts[i]! > 0) {
      newIndex.set(i, names.length);
      names.push(className);
    } else {
      log.notes.push(
        `The class ${className} has no usable image (see the list), so it was left out.`,
      );
    }
  });
  return {
    classNames: names,
    labels: Uint8Array.from(kept, ({ classIndex }) => newIndex.get(classIndex)!),
  };
}
