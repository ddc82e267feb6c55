/**
 * The Layerwise sample format: the bundled MNIST digits (written by scripts/build-samples.mjs)
 * and the dataset a project file may carry. Pure and worker-safe: no Node APIs, no tfjs.
 *
 * Version 1 layout: a 16-byte header ("LWDS", uint32 LE version, uint32 LE count, uint8 rows,
 * uint8 cols, uint8 channels, uint8 classes), then `count` uint8 labels, then
 * count*rows*cols*channels uint8 pixels, example-major and row-major.
 *
 * Version 2 is the same with a 20-byte header whose rows and cols are uint16 LE (then uint8
 * channels, uint8 classes and two zero bytes), for images wider than 255 pixels. Writers use
 * version 1 whenever the images fit it, so the bundled sample's bytes never change.
 */

/** The four ASCII bytes that open every sample file. */
export const SAMPLE_MAGIC = 'LWDS';
/** The version with one-byte sides, written whenever the images fit it. */
export const SAMPLE_VERSION = 1;
/** The version with two-byte sides, for images wider or taller than 255 pixels. */
export const SAMPLE_VERSION_WIDE = 2;
/** Size of the version 1 header in bytes. */
export const SAMPLE_HEADER_BYTES = 16;
/** Size of the version 2 header in bytes: the most a reader needs to see to know the size. */
export const SAMPLE_WIDE_HEADER_BYTES = 20;

/** A decoded sample dataset: uint8 labels and uint8 pixels (0–255), channels-last. */
export interface DecodedDataset {
  rows: number;
  cols: number;
  channels: number;
  classes: number;
  count: number;
  labels: Uint8Array;
  pixels: Uint8Array;
}

/** What a sample file's header says, and how long the whole file must therefore be. */
export interface SampleHeader {
  version: number;
  headerBytes: number;
  count: number;
  rows: number;
  cols: number;
  channels: number;
  classes: number;
  /** Header, labels and pixels: the exact length of a complete file. */
  byteLength: number;
}

/** A dataset ready to encode: uint8 labels and example-major, row-major uint8 pixels. */
export type EncodableDataset = Omit<DecodedDataset, 'count'>;

function hasMagic(bytes: Uint8Array): boolean {
  if (bytes.length < SAMPLE_MAGIC.length) return false;
  for (let i = 0; i < SAMPLE_MAGIC.length; i++) {
    if (bytes[i] !== SAMPLE_MAGIC.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * Reads a sample file's header: enough to know the file's exact length before the rest of it
 * is read or unpacked.
 *
 * @throws Error when the bytes are not a sample file, are of an unknown version, are shorter
 *   than the header or declare an empty dimension.
 */
export function readSampleHeader(bytes: Uint8Array): SampleHeader {
  if (!hasMagic(bytes)) {
    throw new Error(`not a Layerwise sample file (it does not start with "${SAMPLE_MAGIC}")`);
  }
  if (bytes.length < SAMPLE_HEADER_BYTES) {
    throw new Error(`truncated: expected ${SAMPLE_HEADER_BYTES} bytes, got ${bytes.length}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== SAMPLE_VERSION && version !== SAMPLE_VERSION_WIDE) {
    throw new Error(
      `unsupported Layerwise sample version ${version} (this app reads versions ${SAMPLE_VERSION} and ${SAMPLE_VERSION_WIDE})`,
    );
  }
  const wide = version === SAMPLE_VERSION_WIDE;
  const headerBytes = wide ? SAMPLE_WIDE_HEADER_BYTES : SAMPLE_HEADER_BYTES;
  if (bytes.length < headerBytes) {
    throw new Error(`truncated: expected ${headerBytes} bytes, got ${bytes.length}`);
  }
  const count = view.getUint32(8, true);
  const rows = wide ? view.getUint16(12, true) : view.getUint8(12);
  const cols = wide ? view.getUint16(14, true) : view.getUint8(13);
  const channels = view.getUint8(wide ? 16 : 14);
  const classes = view.getUint8(wide ? 17 : 15);
  if (!rows || !cols || !channels || !classes) {
    throw new Error(
      `corrupt header: rows ${rows}, cols ${cols}, channels ${channels} and classes ${classes} must all be positive`,
    );
  }
  const byteLength = headerBytes + count + count * rows * cols * channels;
  return { version, headerBytes, count, rows, cols, channels, classes, byteLength };
}

/**
 * Parses an uncompressed sample file.
 *
 * `labels` and `pixels` are views into `bytes` (no copy); copy them before transferring one
 * to another thread, or the whole underlying buffer goes with it.
 *
 * @throws Error when the bytes are not a sample file, are of another version, are truncated
 *   or carry trailing data, or hold a label outside `classes`.
 */
export function decodeDataset(bytes: Uint8Array): DecodedDataset {
  const { headerBytes, count, rows, cols, channels, classes, byteLength } = readSampleHeader(bytes);
  if (bytes.length < byteLength) {
    throw new Error(`truncated: expected ${byteLength} bytes, got ${bytes.length}`);
  }
  if (bytes.length > byteLength) {
    throw new Error(`corrupt: expected ${byteLength} bytes, got ${bytes.length} (trailing data)`);
  }

  const labels = bytes.subarray(headerBytes, headerBytes + count);
  const badLabel = labels.findIndex((label) => label >= classes);
  if (badLabel !== -1) {
    throw new Error(
      `corrupt: label ${labels[badLabel]} of example ${badLabel} is not below ${classes}`,
    );
  }
  const pixels = bytes.subarray(headerBytes + count, byteLength);
  return { rows, cols, channels, classes, count, labels, pixels };
}

function checkRange(name: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new Error(`${name} must be an integer from 1 to ${max}, got ${value}`);
  }
}

/**
 * Serialises a dataset into the uncompressed sample format: version 1 when its sides fit in a
 * byte (the same bytes scripts/build-samples.mjs writes), version 2 otherwise. The result owns
 * its buffer whole, so the buffer can be transferred.
 *
 * @throws Error when a dimension is out of range, the pixels do not match the labels, or a
 *   label is not below `classes`.
 */
export function encodeDataset({
  rows,
  cols,
  channels,
  classes,
  labels,
  pixels,
}: EncodableDataset): Uint8Array {
  checkRange('rows', rows, 0xffff);
  checkRange('cols', cols, 0xffff);
  checkRange('channels', channels, 0xff);
  checkRange('classes', classes, 0xff);
  const count = labels.length;
  const perExample = rows * cols * channels;
  if (pixels.length !== count * perExample) {
    throw new Error(
      `pixels has ${pixels.length} values; ${count} examples of ${rows}x${cols}x${channels} need ${count * perExample}`,
    );
  }
  const badLabel = labels.findIndex((label) => label >= classes);
  if (badLabel !== -1) {
    throw new Error(`label ${labels[badLabel]} of example ${badLabel} is not below ${classes}`);
  }

  const wide = rows > 0xff || cols > 0xff;
  const headerBytes = wide ? SAMPLE_WIDE_HEADER_BYTES : SAMPLE_HEADER_BYTES;
  const bytes = new Uint8Array(headerBytes + count + pixels.length);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < SAMPLE_MAGIC.length; i++) bytes[i] = SAMPLE_MAGIC.charCodeAt(i);
  view.setUint32(4, wide ? SAMPLE_VERSION_WIDE : SAMPLE_VERSION, true);
  view.setUint32(8, count, true);
  if (wide) {
    view.setUint16(12, rows, true);
    view.setUint16(14, cols, true);
    bytes.set([channels, classes], 16);
  } else {
    bytes.set([rows, cols, channels, classes], 12);
  }
  bytes.set(labels, headerBytes);
  bytes.set(pixels, headerBytes + count);
  return bytes;
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Gunzips `bytes` when they start with the gzip magic (1f 8b), otherwise returns them as they
 * are: a server that sent the asset with `Content-Encoding: gzip` has already had the
 * browser decompress it.
 *
 * @throws Error when the bytes look like gzip but do not decompress.
 */
export async function gunzipIfNeeded(bytes: Uint8Array): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes;
  // Blob copies the bytes, so the caller's buffer is never detached or shared; the cast only
  // narrows ArrayBufferLike, as sample bytes never live in a SharedArrayBuffer.
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>]);
  const stream = blob.stream().pipeThrough(new DecompressionStream('gzip'));
  try {
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new Error(`corrupt gzip data: ${reason}`, { cause });
  }
}
