/**
 * The CIFAR-10 binary format: each record is one label byte followed by a 32×32 colour image
 * stored as three planes (all red, then all green, then all blue), each row-major.
 */

/** Bytes in one record: 1 label + 32×32×3 pixels. */
export const CIFAR_RECORD_BYTES = 3073;

const SIDE = 32;
const PLANE = SIDE * SIDE;

/** The ten classes in label order, as batches.meta.txt lists them. */
export const CIFAR10_CLASS_NAMES = [
  'airplane',
  'automobile',
  'bird',
  'cat',
  'deer',
  'dog',
  'frog',
  'horse',
  'ship',
  'truck',
];

/**
 * Reads one CIFAR-10 batch file into labels and 32×32×3 channels-last pixels. A partial record
 * at the end is dropped and described in `truncated`; a file without one complete record, or
 * a label outside 0–9, throws.
 */
export function parseCifar10(
  bytes: Uint8Array,
  path: string,
): { labels: Uint8Array; pixels: Uint8Array; truncated: { path: string; reason: string } | null } {
  const count = Math.floor(bytes.length / CIFAR_RECORD_BYTES);
  const leftover = bytes.length % CIFAR_RECORD_BYTES;
  if (count === 0) {
    throw new Error(
      `${path} is too short for a CIFAR-10 batch: one record needs ${CIFAR_RECORD_BYTES} bytes, the file has ${bytes.length}`,
    );
  }
  const labels = new Uint8Array(count);
  const pixels = new Uint8Array(count * PLANE * 3);
  for (let n = 0; n < count; n++) {
    const record = n * CIFAR_RECORD_BYTES;
    const label = bytes[record]!;
    if (label > 9) {
      throw new Error(
        `${path}: record ${n} has label ${label}, but CIFAR-10 labels run from 0 to 9 (is this a CIFAR-100 file?)`,
      );
    }
    labels[n] = label;
    // Planar (RRR…GGG…BBB) to interleaved (RGBRGB…), the layout every other source uses.
    const out = n * PLANE * 3;
    for (let channel = 0; channel < 3; channel++) {
      const plane = record + 1 + channel * PLANE;
      for (let i = 0; i < PLANE; i++) pixels[out + i * 3 + channel] = bytes[plane + i]!;
    }
  }
  const truncated =
    leftover === 0
      ? null
      : {
          path,
          reason: `${path} ends with a truncated record (${leftover} of ${CIFAR_RECORD_BYTES} bytes); the ${count} complete images before it were loaded`,
        };
  return { labels, pixels, truncated };
}

/** Class names from batches.meta.txt: one per line, blank lines ignored. */
export function parseCifarMeta(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Whether a path names a CIFAR-10 batch file (data_batch_1.bin … or test_batch.bin). */
export function isCifarPath(path: string): boolean {
  const name = path.slice(path.replace(/\\/g, '/').lastIndexOf('/') + 1);
  return /^(data_batch_\d+|test_batch)\.bin$/i.test(name);
}
