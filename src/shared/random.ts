/**
 * Seeded randomness, so splits, shuffles and augmentation repeat exactly for the same seed
 * on every machine and in every thread.
 */

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/**
 * Creates a mulberry32 generator: tiny, fast and good enough for shuffling, unlike
 * `Math.random`, reproducible.
 *
 * @param seed any integer; it is reduced to 32 bits, so `seed` and `seed + 2 ** 32` coincide.
 * @throws Error when `seed` is not an integer.
 */
export function createRng(seed: number): Rng {
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Anything indexable and writable: plain arrays and typed arrays alike. */
export interface MutableArrayLike<T> {
  readonly length: number;
  [index: number]: T;
}

/** Shuffles `array` in place with Fisher–Yates and returns it. */
export function shuffleInPlace<A extends MutableArrayLike<unknown>>(array: A, rng: Rng): A {
  for (let i = array.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const item = array[i];
    array[i] = array[j];
    array[j] = item;
  }
  return array;
}
