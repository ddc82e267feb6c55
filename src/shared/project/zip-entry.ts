import { Inflate, strToU8 } from 'fflate';

/**
 * One entry of a zip, found through its central directory without unpacking anything, so its
 * first bytes can be read before deciding whether the rest may be unpacked.
 */
export interface ZipEntry {
  /** The compression method: 0 stored, 8 deflate. */
  compression: number;
  /** The entry's packed bytes: a view into the zip. */
  data: Uint8Array;
  /** The unpacked size the directory declares (and unzipping allocates). */
  originalSize: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_BYTES = 22;
/** Compressed bytes fed to the inflater at a time: at most ~1 MB comes out of each. */
const PREFIX_CHUNK = 1024;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/**
 * The entry called `name`, or null when the zip has none, or when its directory cannot be
 * followed (zip64, damage): unzipping the file then says what is wrong with it.
 */
export function findZipEntry(zip: Uint8Array, name: string): ZipEntry | null {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const fits = (at: number, length: number) => at >= 0 && at + length <= zip.length;
  // The end record closes the file, before a comment of at most 65,535 bytes.
  let end = -1;
  for (let at = zip.length - END_BYTES; at >= 0 && at >= zip.length - END_BYTES - 0xffff; at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const wanted = strToU8(name);
  let at = view.getUint32(end + 16, true);
  for (let i = view.getUint16(end + 10, true); i > 0; i--) {
    if (!fits(at, 46) || view.getUint32(at, true) !== DIRECTORY_ENTRY) return null;
    const nameLength = view.getUint16(at + 28, true);
    if (!fits(at + 46, nameLength)) return null;
    if (sameBytes(zip.subarray(at + 46, at + 46 + nameLength), wanted)) {
      const size = view.getUint32(at + 20, true);
      const local = view.getUint32(at + 42, true);
      if (!fits(local, 30) || view.getUint32(local, true) !== LOCAL_HEADER) return null;
      const start =
        local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      if (!fits(start, size)) return null;
      return {
        compression: view.getUint16(at + 10, true),
        data: zip.subarray(start, start + size),
        originalSize: view.getUint32(at + 24, true),
      };
    }
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return null;
}

/**
 * The first `length` unpacked bytes of an entry (fewer when it is shorter), inflating a
 * kilobyte of packed data at a time and stopping once they are there.
 *
 * @throws Error when the packed data is not valid deflate, or uses another method.
 */
export function entryPrefix(entry: ZipEntry, length: number): Uint8Array {
  if (entry.compression === 0) return entry.data.subarray(0, length);
  if (entry.compression !== 8) {
    throw new Error(`it is packed with an unknown method (${entry.compression})`);
  }
  const prefix = new Uint8Array(length);
  let filled = 0;
  const inflater = new Inflate((chunk) => {
    const taken = chunk.subarray(0, length - filled);
    prefix.set(taken, filled);
    filled += taken.length;
  });
  const { data } = entry;
  for (let at = 0; at < data.length && filled < length; at += PREFIX_CHUNK) {
    inflater.push(data.subarray(at, at + PREFIX_CHUNK), at + PREFIX_CHUNK >= data.length);
  }
  return prefix.subarray(0, filled);
}
