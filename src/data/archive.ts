/**
 * Unpacking the archives users drop or download (zip, tar, gzip and .tar.gz), in memory and
 * with a size cap, so that a damaged file or a zip bomb is refused with a clear message
 * instead of exhausting the tab's memory.
 */
import { gunzipSync, unzipSync } from 'fflate';
import { parseTar } from 'nanotar';
import type { SkippedItem } from '../shared/dataset';

/** One file unpacked from an archive, with its path inside the archive. */
export interface ArchiveEntry {
  path: string;
  bytes: Uint8Array;
}

/** What an archive held: the files that were unpacked and those that were left out. */
export interface ArchiveContents {
  entries: ArchiveEntry[];
  skipped: SkippedItem[];
}

const UNSAFE_PATH = 'unsafe path inside the archive';

/** Gzip data starts with 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** A zip starts with a local file header (PK 03 04), or is an empty archive (PK 05 06). */
export function isZip(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return false;
  return (bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6);
}

/** A POSIX (ustar) tar has "ustar" at offset 257 of its first header. */
export function isTar(bytes: Uint8Array): boolean {
  return bytes.length >= 262 && ascii(bytes, 257, 5) === 'ustar';
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  let text = '';
  for (let i = start; i < start + length && bytes[i] !== 0 && i < bytes.length; i++) {
    text += String.fromCharCode(bytes[i]!);
  }
  return text;
}

const utf8 = new TextDecoder();

/** A NUL-terminated UTF-8 field of a tar header (names may hold any script). */
function textField(bytes: Uint8Array, start: number, length: number): string {
  const field = bytes.subarray(start, Math.min(start + length, bytes.length));
  const end = field.indexOf(0);
  return utf8.decode(end === -1 ? field : field.subarray(0, end));
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1e6)} MB`;
}

function tooLarge(path: string, maxBytes: number): Error {
  return new Error(`${path} would unpack to more than ${megabytes(maxBytes)} (a zip bomb?)`);
}

/** Absolute paths and `..` segments could name files outside the archive's own folder. */
function isUnsafePath(name: string): boolean {
  const path = name.replace(/\\/g, '/');
  return path.startsWith('/') || /^[a-zA-Z]:/.test(path) || path.split('/').includes('..');
}

/** Decompresses gzip data, refusing it before inflating when its trailer says it is too large. */
export function gunzip(bytes: Uint8Array, path: string, maxBytes: number): Uint8Array {
  if (!isGzip(bytes) || bytes.length < 18) throw new Error(`${path} is not valid gzip data`);
  // ISIZE, the last 4 bytes, is the unpacked size mod 2^32; fflate sizes its output by it.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = view.getUint32(bytes.length - 4, true);
  if (size > maxBytes) {
    throw new Error(
      `${path} says it unpacks to ${megabytes(size)}, more than the ${megabytes(maxBytes)} limit (a zip bomb, or an incomplete download?)`,
    );
  }
  let out: Uint8Array;
  try {
    out = gunzipSync(bytes);
  } catch (error) {
    throw new Error(`${path} is not valid gzip data (${(error as Error).message})`);
  }
  if (out.length !== size) {
    throw new Error(`${path} is not valid gzip data: it is damaged or incomplete`);
  }
  return out;
}

/**
 * Unpacks a zip. Directories are left out silently, unsafe paths and unsupported compression
 * are listed in `skipped`, and an archive whose files add up to more than `maxBytes` is refused
 * before anything is inflated.
 */
export function readZip(bytes: Uint8Array, path: string, maxBytes: number): ArchiveContents {
  if (!isZip(bytes)) throw new Error(`${path} is not a zip archive`);
  const wanted: { name: string; size: number }[] = [];
  const names = new Set<string>();
  const skipped: SkippedItem[] = [];
  let total = 0;
  const unzip = (
    filter: (file: { name: string; originalSize: number; compression: number }) => boolean,
  ) => {
    try {
      return unzipSync(bytes, { filter });
    } catch (error) {
      throw new Error(
        `${path} is not a zip archive, or it is damaged (${(error as Error).message})`,
      );
    }
  };
  // First pass reads only the central directory, so the size check happens before inflating.
  unzip((file) => {
    if (file.name.endsWith('/')) return false;
    if (isUnsafePath(file.name)) skipped.push({ path: file.name, reason: UNSAFE_PATH });
    else if (file.compression !== 0 && file.compression !== 8) {
      skipped.push({
        path: file.name,
        reason: `compressed with a method this app cannot read (${file.compression}); re-create the zip with standard compression`,
      });
    } else if (!names.has(file.name)) {
      names.add(file.name);
      wanted.push({ name: file.name, size: file.originalSize });
      total += file.originalSize;
    }
    return false;
  });
  if (total > maxBytes) throw tooLarge(path, maxBytes);
  // Each name once: a zip may repeat a name, and only the first was counted toward the cap.
  const files = unzip((file) => names.delete(file.name));
  const entries: ArchiveEntry[] = [];
  let unpacked = 0;
  for (const { name, size } of wanted) {
    const data = files[name];
    if (data === undefined) continue;
    // Inflating stops at the declared size, but a stored entry can be longer than declared.
    unpacked += data.length;
    if (unpacked > maxBytes) throw tooLarge(path, maxBytes);
    if (data.length !== size) skipped.push({ path: name, reason: 'damaged inside the archive' });
    else entries.push({ path: name, bytes: data });
  }
  return { entries, skipped };
}

/**
 * The names of the entries nanotar returns, in its order, as the headers spell them: nanotar
 * cleans `..` and leading `/` out of names, which would hide an unsafe path.
 */
function rawTarNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  let longName: string | undefined;
  for (let at = 0; at + 512 < bytes.length;) {
    const name = textField(bytes, at, 100);
    if (name === '') break;
    const size = parseInt(ascii(bytes, at + 124, 12), 8) || 0;
    const type = ascii(bytes, at + 156, 1) || '0';
    const prefix = ascii(bytes, at + 257, 5) === 'ustar' ? textField(bytes, at + 345, 155) : '';
    const body = at + 512;
    at = body + Math.ceil(size / 512) * 512;
    if (type === 'L' || type === 'N' || type === 'K') longName = textField(bytes, body, size);
    else if (type === 'x')
      longName = /(?:^|\n)\d+ (?:path|linkpath)=([^\n]*)/.exec(textField(bytes, body, size))?.[1];
    else if (type === 'g') longName = undefined;
    else {
      names.push(longName ?? (prefix === '' ? name : `${prefix}/${name}`));
      longName = undefined;
    }
  }
  return names;
}

/** Unpacks a tar: regular files only; links are listed in `skipped`, directories left out. */
export function readTar(bytes: Uint8Array, path: string, maxBytes: number): ArchiveContents {
  if (!isTar(bytes)) throw new Error(`${path} is not a tar archive`);
  // nanotar reads `bytes.buffer` whole, so a view into a larger buffer must be copied first.
  const own =
    bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
  const raw = rawTarNames(own);
  const entries: ArchiveEntry[] = [];
  const skipped: SkippedItem[] = [];
  let index = 0;
  let total = 0;
  let refusal: Error | undefined;
  try {
    const files = parseTar(own, {
      filter: (file) => {
        const name = (raw[index++] ?? file.name).replace(/^(\.\/)+/, '');
        if (file.type === 'directory' || name === '' || name.endsWith('/')) return false;
        if (isUnsafePath(name)) skipped.push({ path: name, reason: UNSAFE_PATH });
        else if (file.type !== 'file' && file.type !== 'contiguousFile') {
          skipped.push({ path: name, reason: 'a link or special file, not a regular file' });
        } else {
          total += file.size;
          if (total > maxBytes) throw (refusal = tooLarge(path, maxBytes));
          entries.push({ path: name, bytes: new Uint8Array(0) });
          return true;
        }
        return false;
      },
    });
    files.forEach((file, i) => (entries[i]!.bytes = file.data ?? new Uint8Array(0)));
  } catch (error) {
    if (error === refusal) throw error;
    throw new Error(
      `${path} is not a valid tar archive, or it is truncated (${(error as Error).message})`,
    );
  }
  return { entries, skipped };
}

/**
 * Unpacks whatever archive `bytes` holds, told apart by content: gzip (a .tar.gz, or one
 * compressed file whose path loses its `.gz`), zip or tar. Anything else throws.
 */
export function unpack(bytes: Uint8Array, path: string, maxBytes: number): ArchiveContents {
  if (isGzip(bytes)) {
    const inner = gunzip(bytes, path, maxBytes);
    const innerPath = path.replace(/\.tgz$/i, '.tar').replace(/\.gz$/i, '');
    if (isTar(inner)) return readTar(inner, innerPath, maxBytes);
    return { entries: [{ path: innerPath, bytes: inner }], skipped: [] };
  }
  if (isZip(bytes)) return readZip(bytes, path, maxBytes);
  if (isTar(bytes)) return readTar(bytes, path, maxBytes);
  // A failed download often returns an error page instead of the file.
  const start = ascii(bytes, 0, 64).trimStart().toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html')) {
    throw new Error(
      `${path} is not an archive: it is a web page (HTML), perhaps an error page from the server`,
    );
  }
  throw new Error(`${path} is not an archive (zip, tar or gzip)`);
}
