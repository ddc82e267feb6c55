/**
 * Decoder for Layerwise sample files (the bundled MNIST digits), written by
 * scripts/build-samples.mjs. Pure and worker-safe: no Node APIs, no tfjs.
 *
 * Version 1 layout: a 16-byte header ("LWDS", uint32 LE version, uint32 LE count, uint8 rows,
 * uint8 cols, uint8 channels, uint8 classes), then `count` uint8 labels, then
 * count*rows*cols*channels uint8 pixels, example-major and row-major.
 */

/** The four ASCII bytes that open every sample file. */
export const SAMPLE_MAGIC = 'LWDS';
/** The only format version this decoder reads. */
export const SAMPLE_VERSION = 1;
/** Size of the fixed header in bytes. */
export const SAMPLE_HEADER_BYTES = 16;

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

function hasMagic(bytes: Uint8Array): boolean {
  if (bytes.length < SAMPLE_MAGIC.length) return false;
  for (let i = 0; i < SAMPLE_MAGIC.length; i++) {
    if (bytes[i] !== SAMPLE_MAGIC.charCodeAt(i)) return false;
  }
  return true;
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
  if (!hasMagic(bytes)) {
    throw new Error(`not a Layerwise sample file (it does not start with "${SAMPLE_MAGIC}")`);
  }
  if (bytes.length < SAMPLE_HEADER_BYTES) {
    throw new Error(`truncated: expected ${SAMPLE_HEADER_BYTES} bytes, got ${bytes.length}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== SAMPLE_VERSION) {
    throw new Error(
      `unsupported Layerwise sample version ${version} (this app reads version ${SAMPLE_VERSION})`,
    );
  }
  const count = view.getUint32(8, true);
  const [rows, cols, channels, classes] = [12, 13, 14, 15].map((at) => view.getUint8(at)) as [
    number,
    number,
    number,
    number,
  ];
  if (rows === 0 || cols === 0 || channels === 0 || classes === 0) {
    throw new Error(
      `corrupt header: rows ${rows}, cols ${cols}, channels ${channels} and classes ${classes} must all be positive`,
    );
  }

  const pixelCount = count * rows * cols * channels;
  const expected = SAMPLE_HEADER_BYTES + count + pixelCount;
  if (bytes.length < expected) {
    throw new Error(`truncated: expected ${expected} bytes, got ${bytes.length}`);
  }
  if (bytes.length > expected) {
    throw new Error(`corrupt: expected ${expected} bytes, got ${bytes.length} (trailing data)`);
  }

  const labels = bytes.subarray(SAMPLE_HEADER_BYTES, SAMPLE_HEADER_BYTES + count);
  const badLabel = labels.findIndex((label) => label >= classes);
  if (badLabel !== -1) {
    throw new Error(
      `corrupt: label ${labels[badLabel]} of example ${badLabel} is not below ${classes}`,
    );
  }
  const pixels = bytes.subarray(SAMPLE_HEADER_BYTES + count, expected);
  return { rows, cols, channels, classes, count, labels, pixels };
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
