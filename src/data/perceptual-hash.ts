/**
 * A perceptual "difference hash": 64 bits that stay nearly the same when an image is
 * re-encoded, slightly resized or brightened, so near-duplicate images can be found by
 * counting differing bits. Hashes of low-detail images (plain or gradient backgrounds) can
 * match by chance, so a small colour thumbnail confirms a match.
 */

const HASH_ROWS = 8;
/** One more column than bits per row: each bit compares a cell with its right neighbour. */
const HASH_COLUMNS = 9;

/** Start (inclusive) and end (exclusive) source index of each cell along one axis. */
function cellBounds(length: number, cells: number): Int32Array {
  const bounds = new Int32Array(cells * 2);
  for (let cell = 0; cell < cells; cell++) {
    const start = Math.floor((cell * length) / cells);
    // An image narrower than the grid repeats pixels rather than leaving a cell empty.
    const end = Math.max(start + 1, Math.floor(((cell + 1) * length) / cells));
    bounds[cell * 2] = Math.min(start, length - 1);
    bounds[cell * 2 + 1] = Math.min(end, length);
  }
  return bounds;
}

/**
 * Average gray level (0–255) of each cell when the image at `offset` is cut into
 * `rows` × `columns` near-equal boxes, row by row.
 */
export function grayCells(
  pixels: Uint8Array,
  offset: number,
  shape: [number, number, number],
  rows: number,
  columns: number,
): Float64Array {
  const [height, width, channels] = shape;
  const rowBounds = cellBounds(height, rows);
  const columnBounds = cellBounds(width, columns);
  const cells = new Float64Array(rows * columns);
  // Gray sums of one band of source rows, per source column.
  const gray = new Float64Array(width);
  for (let r = 0; r < rows; r++) {
    const rowStart = rowBounds[r * 2]!;
    const rowEnd = rowBounds[r * 2 + 1]!;
    gray.fill(0);
    for (let y = rowStart; y < rowEnd; y++) {
      let at = offset + y * width * channels;
      if (channels >= 3) {
        for (let x = 0; x < width; x++, at += channels) {
          // Integer BT.601 weights (sum 256): exact and cheap.
          gray[x]! += 77 * pixels[at]! + 150 * pixels[at + 1]! + 29 * pixels[at + 2]!;
        }
      } else {
        for (let x = 0; x < width; x++, at += channels) gray[x]! += 256 * pixels[at]!;
      }
    }
    for (let c = 0; c < columns; c++) {
      const columnStart = columnBounds[c * 2]!;
      const columnEnd = columnBounds[c * 2 + 1]!;
      let sum = 0;
      for (let x = columnStart; x < columnEnd; x++) sum += gray[x]!;
      // Cells can differ in area by a pixel, so keep averages, not sums.
      cells[r * columns + c] = sum / (256 * (rowEnd - rowStart) * (columnEnd - columnStart));
    }
  }
  return cells;
}

/**
 * The 64-bit difference hash of the image at `offset`: grayscale, box-averaged down to 9×8
 * cells, one bit per horizontal neighbour pair (set when the left cell is brighter).
 *
 * @param shape height, width, channels (1 or more; the first three are read as RGB).
 * @returns [high, low]: rows 0–3 in the high word, rows 4–7 in the low word, each unsigned.
 */
export function dHash(
  pixels: Uint8Array,
  offset: number,
  shape: [number, number, number],
): number[] {
  const cells = grayCells(pixels, offset, shape, HASH_ROWS, HASH_COLUMNS);
  let high = 0;
  let low = 0;
  for (let r = 0; r < HASH_ROWS; r++) {
    for (let c = 0; c < HASH_COLUMNS - 1; c++) {
      const bit = cells[r * HASH_COLUMNS + c]! > cells[r * HASH_COLUMNS + c + 1]! ? 1 : 0;
      if (r < 4) high = (high << 1) | bit;
      else low = (low << 1) | bit;
    }
  }
  return [high >>> 0, low >>> 0];
}

/** Side of the thumbnails that confirm a near-duplicate. */
const THUMBNAIL_SIDE = 16;

/**
 * A 16×16 colour thumbnail (channels as in the image, channels-last) with the mean over all
 * its values subtracted: a uniformly brighter or darker copy gives nearly the same thumbnail,
 * while a different colour does not.
 */
export function thumbnail(
  pixels: Uint8Array,
  offset: number,
  shape: [number, number, number],
): Float64Array {
  const [height, width, channels] = shape;
  const rowBounds = cellBounds(height, THUMBNAIL_SIDE);
  const columnBounds = cellBounds(width, THUMBNAIL_SIDE);
  const cells = new Float64Array(THUMBNAIL_SIDE * THUMBNAIL_SIDE * channels);
  let total = 0;
  for (let r = 0; r < THUMBNAIL_SIDE; r++) {
    const rowStart = rowBounds[r * 2]!;
    const rowEnd = rowBounds[r * 2 + 1]!;
    for (let c = 0; c < THUMBNAIL_SIDE; c++) {
      const columnStart = columnBounds[c * 2]!;
      const columnEnd = columnBounds[c * 2 + 1]!;
      const area = (rowEnd - rowStart) * (columnEnd - columnStart);
      for (let k = 0; k < channels; k++) {
        let sum = 0;
        for (let y = rowStart; y < rowEnd; y++) {
          const row = offset + y * width * channels + k;
          for (let x = columnStart; x < columnEnd; x++) sum += pixels[row + x * channels]!;
        }
        const cell = (r * THUMBNAIL_SIDE + c) * channels + k;
        cells[cell] = sum / area;
        total += cells[cell];
      }
    }
  }
  const mean = total / cells.length;
  return cells.map((value) => value - mean);
}

/** Mean absolute difference of two thumbnails, in pixel units (0–255). */
export function thumbnailDistance(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}

/** Number of set bits of a 32-bit integer. */
export function popCount32(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** How many of the 64 bits differ between two hashes given as [high, low]. */
export function hamming64(a: number[], b: number[]): number {
  return popCount32((a[0]! ^ b[0]!) >>> 0) + popCount32((a[1]! ^ b[1]!) >>> 0);
}
