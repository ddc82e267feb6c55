/**
 * Finding copies among images without comparing every pair: exact copies by a hash of their
 * bytes, near copies by 64-bit difference hashes bucketed by bands, confirmed by thumbnails.
 */
import { hashBytes } from './hash';
import { dHash, hamming64, thumbnail, thumbnailDistance } from './perceptual-hash';

/** Images whose difference hashes differ in at most this many bits look almost the same. */
export const NEAR_DISTANCE = 4;
/**
 * Near duplicates' 16×16 colour thumbnails (overall brightness removed) differ by at most
 * this much per value on average: it rules out low-detail images whose hashes match by chance.
 */
export const NEAR_THUMBNAIL_DISTANCE = 5;
function sameBytes(pixels: Uint8Array, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (pixels[a + k] !== pixels[b + k]) return false;
  return true;
}

/** Groups of byte-identical images: `group[i]` is the group of image i, `firsts` each group's first image. */
export function exactGroups(pixels: Uint8Array, count: number, size: number) {
  const group = new Int32Array(count);
  const firsts: number[] = [];
  const firstHigh: number[] = [];
  // Keyed by the low hash word; the high word and then the bytes confirm a match.
  const byHash = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const [high, low] = hashBytes(pixels, i * size, (i + 1) * size);
    const candidates = byHash.get(low);
    const match = candidates?.find(
      (g) => firstHigh[g] === high && sameBytes(pixels, firsts[g]! * size, i * size, size),
    );
    if (match !== undefined) {
      group[i] = match;
      continue;
    }
    const g = firsts.length;
    group[i] = g;
    firsts.push(i);
    firstHigh.push(high);
    if (candidates) candidates.push(g);
    else byHash.set(low, [g]);
  }
  return { group, firsts };
}

/** Bit ranges of the 64-bit hash cut into 5 bands; two hashes within 4 bits share one band. */
const BANDS: [number, number][] = [
  [0, 13],
  [13, 26],
  [26, 39],
  [39, 52],
  [52, 64],
];

/** Bits [start, end) of a 64-bit value given as [high, low] (bit 0 is the low word's lowest). */
function bits(hash: number[], start: number, end: number): number {
  const [high, low] = hash as [number, number];
  const mask = 2 ** (end - start) - 1;
  if (end <= 32) return (low >>> start) & mask;
  if (start >= 32) return (high >>> (start - 32)) & mask;
  return ((low >>> start) | (high << (32 - start))) & mask;
}

/**
 * Clusters of exact groups that look alike: the same difference hash, confirmed by a
 * thumbnail within {@link NEAR_THUMBNAIL_DISTANCE} of the cluster's first group (its leader).
 * Thumbnails are made only for groups whose hash is already taken.
 */
export function lookAlikeClusters(
  pixels: Uint8Array,
  firsts: number[],
  shape: [number, number, number],
) {
  const size = shape[0] * shape[1] * shape[2];
  const thumbnails = new Map<number, Float64Array>();
  const thumbnailOf = (g: number) => {
    let made = thumbnails.get(g);
    if (!made) thumbnails.set(g, (made = thumbnail(pixels, firsts[g]! * size, shape)));
    return made;
  };
  const alike = (a: number, b: number) =>
    thumbnailDistance(thumbnailOf(a), thumbnailOf(b)) <= NEAR_THUMBNAIL_DISTANCE;
  const cluster = new Int32Array(firsts.length);
  const leaders: number[] = [];
  const hashes: number[][] = [];
  const byHash = new Map<string, number[]>();
  firsts.forEach((first, g) => {
    const hash = dHash(pixels, first * size, shape);
    const key = `${hash[0]}:${hash[1]}`;
    const candidates = byHash.get(key);
    const match = candidates?.find((k) => alike(leaders[k]!, g));
    if (match !== undefined) {
      cluster[g] = match;
      return;
    }
    cluster[g] = leaders.length;
    if (candidates) candidates.push(leaders.length);
    else byHash.set(key, [leaders.length]);
    leaders.push(g);
    hashes.push(hash);
  });
  return { cluster, leaders, hashes, alike };
}

/**
 * Calls `visit` for each pair of distinct hashes within {@link NEAR_DISTANCE} bits.
 * Rather than comparing all pairs, hashes are bucketed by each band; by the pigeonhole rule a
 * close pair agrees exactly on at least one band, so only pairs sharing a bucket are compared,
 * and each pair only in the first band they share.
 */
export function forEachNearPair(hashes: number[][], visit: (a: number, b: number) => void): void {
  const keys = hashes.map((hash) => BANDS.map(([start, end]) => bits(hash, start, end)));
  BANDS.forEach((_, band) => {
    const buckets = new Map<number, number[]>();
    keys.forEach((key, item) => {
      const bucket = buckets.get(key[band]!);
      if (bucket) bucket.push(item);
      else buckets.set(key[band]!, [item]);
    });
    for (const bucket of buckets.values()) {
      for (let p = 0; p < bucket.length; p++) {
        const a = bucket[p]!;
        for (let q = p + 1; q < bucket.length; q++) {
          const b = bucket[q]!;
          let earlier = false;
          for (let e = 0; e < band && !earlier; e++) earlier = keys[a]![e] === keys[b]![e];
          if (!earlier && hamming64(hashes[a]!, hashes[b]!) <= NEAR_DISTANCE) visit(a, b);
        }
      }
    }
  });
}
