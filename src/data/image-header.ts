/**
 * Image type and size from a file's first bytes, read before decoding so that files that are
 * not images, or images too large to decode safely, are reported without being decoded.
 */

/** The image formats the studio decodes. */
export type ImageType = 'png' | 'jpeg' | 'gif' | 'bmp' | 'webp';

/**
 * An image's type, and its size when the bytes given reach the part that holds it. `animated`
 * is set on a GIF or WebP with more than one frame: the browser decodes only the first.
 */
export type ImageHeader = (
  | { type: ImageType; width: number; height: number }
  | { type: ImageType; width: null; height: null }
) & { animated?: true };

/** Images larger than this many megapixels (millions of pixels) are skipped. */
export const MAX_MEGAPIXELS = 40;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** BMP info header sizes: core (12), BITMAPINFOHEADER (40) and its later extensions. */
const BMP_HEADER_SIZES = new Set([12, 40, 52, 56, 64, 108, 124]);

function startsWith(bytes: Uint8Array, at: number, expected: string | number[]): boolean {
  const codes = typeof expected === 'string' ? [...expected].map((c) => c.charCodeAt(0)) : expected;
  return codes.every((code, i) => bytes[at + i] === code);
}

function sized(type: ImageType, width: number, height: number): ImageHeader {
  return { type, width, height };
}

function unsized(type: ImageType): ImageHeader {
  return { type, width: null, height: null };
}

/** Walks JPEG markers to the first start-of-frame segment, which holds the size. */
function jpegSize(head: Uint8Array, view: DataView): ImageHeader {
  let at = 2;
  while (at + 1 < head.length) {
    if (head[at] !== 0xff) return unsized('jpeg');
    const marker = head[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte before a marker
      continue;
    }
    // Markers without a length: start of image, restart markers, TEM.
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    // Image data or end of image before any frame header: no size to be had.
    if (marker === 0xda || marker === 0xd9 || at + 4 > head.length) return unsized('jpeg');
    // SOF0–SOF15, except DHT (c4), JPG (c8) and DAC (cc), which share the range.
    const isFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (isFrame) {
      if (at + 9 > head.length) return unsized('jpeg');
      return sized('jpeg', view.getUint16(at + 7), view.getUint16(at + 5));
    }
    at += 2 + view.getUint16(at + 2);
  }
  return unsized('jpeg');
}

function bmpSize(head: Uint8Array, view: DataView): ImageHeader | null {
  if (head.length < 18) return unsized('bmp');
  const infoSize = view.getUint32(14, true);
  // "BM" alone is too weak a signature: text can start with it. Require a known header size.
  if (!BMP_HEADER_SIZES.has(infoSize)) return null;
  if (infoSize === 12) {
    return head.length < 22
      ? unsized('bmp')
      : sized('bmp', view.getUint16(18, true), view.getUint16(20, true));
  }
  if (head.length < 26) return unsized('bmp');
  // A negative height marks a top-down bitmap; the size is its absolute value.
  return sized('bmp', Math.abs(view.getInt32(18, true)), Math.abs(view.getInt32(22, true)));
}

/**
 * How many frames (image descriptors) a GIF's first bytes hold, walking its blocks: colour
 * tables, extensions and each frame's data sub-blocks. Stops at the end of `head`.
 */
export function gifFrameCount(head: Uint8Array): number {
  if (head.length < 13) return 0;
  const colourTable = (packed: number) => (packed & 0x80 ? 3 * 2 ** ((packed & 0x07) + 1) : 0);
  /** The position after a run of data sub-blocks starting at `at`. */
  const skipSubBlocks = (at: number) => {
    while (at < head.length && head[at] !== 0) at += head[at]! + 1;
    return at + 1;
  };
  let frames = 0;
  let at = 13 + colourTable(head[10]!);
  while (at < head.length) {
    const block = head[at]!;
    if (block === 0x21) at = skipSubBlocks(at + 2);
    else if (block === 0x2c) {
      if (at + 10 > head.length) return frames;
      frames++;
      // Descriptor (10 bytes), local colour table, LZW minimum code size, then the data.
      at = skipSubBlocks(at + 10 + colourTable(head[at + 9]!) + 1);
    } else return frames;
  }
  return frames;
}

function gifHeader(head: Uint8Array, view: DataView): ImageHeader {
  if (head.length < 10) return unsized('gif');
  const header = sized('gif', view.getUint16(6, true), view.getUint16(8, true));
  return gifFrameCount(head) > 1 ? { ...header, animated: true } : header;
}

/** The VP8X flag an animated WebP sets. */
const WEBP_ANIMATION = 0x02;

function webpSize(head: Uint8Array, view: DataView): ImageHeader {
  if (
    startsWith(head, 12, 'VP8 ') &&
    head.length >= 30 &&
    startsWith(head, 23, [0x9d, 0x01, 0x2a])
  ) {
    return sized('webp', view.getUint16(26, true) & 0x3fff, view.getUint16(28, true) & 0x3fff);
  }
  if (startsWith(head, 12, 'VP8L') && head.length >= 25 && head[20] === 0x2f) {
    const bits = view.getUint32(21, true);
    return sized('webp', (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (startsWith(head, 12, 'VP8X') && head.length >= 30) {
    const uint24 = (at: number) => head[at]! | (head[at + 1]! << 8) | (head[at + 2]! << 16);
    const header = sized('webp', uint24(24) + 1, uint24(27) + 1);
    return head[20]! & WEBP_ANIMATION ? { ...header, animated: true } : header;
  }
  return unsized('webp');
}

/**
 * The image type and size from a file's first bytes (up to 64 KiB is plenty), or null when
 * the bytes start with no image signature. The size is null when `head` ends before it.
 */
export function sniffImage(head: Uint8Array): ImageHeader | null {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  if (startsWith(head, 0, PNG_SIGNATURE)) {
    if (head.length < 24 || !startsWith(head, 12, 'IHDR')) return unsized('png');
    return sized('png', view.getUint32(16), view.getUint32(20));
  }
  if (startsWith(head, 0, [0xff, 0xd8, 0xff])) return jpegSize(head, view);
  if (startsWith(head, 0, 'GIF87a') || startsWith(head, 0, 'GIF89a')) return gifHeader(head, view);
  if (startsWith(head, 0, 'BM')) return bmpSize(head, view);
  if (startsWith(head, 0, 'RIFF') && startsWith(head, 8, 'WEBP')) return webpSize(head, view);
  return null;
}

/** Why an image of this size is skipped (zero-sized, or above MAX_MEGAPIXELS), or null if it is fine. */
export function checkImageSize(width: number, height: number, path: string): string | null {
  if (width <= 0 || height <= 0) return `${path} has no pixels (${width}×${height})`;
  const megapixels = (width * height) / 1e6;
  if (megapixels <= MAX_MEGAPIXELS) return null;
  const rounded = Math.round(megapixels * 10) / 10;
  return `${path} is ${width}×${height} (${rounded} megapixels); images above ${MAX_MEGAPIXELS} megapixels are skipped`;
}
