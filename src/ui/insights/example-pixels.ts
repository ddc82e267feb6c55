import { useEffect, useState } from 'react';
import type { InsightResult, SplitName } from '../../shared/insights';
import { Superseded } from './insight-queue';
import type { Rgba } from './pixels';
import { exampleToRgba } from './pixels';
import { requestInsight } from './requests';

type Examples = Extract<InsightResult, { kind: 'examples' }>;

/** Pixels of examples never change with training, so each is fetched once and kept as RGBA. */
const cache = new Map<string, Rgba>();
const keyOf = (split: SplitName, index: number) => `${split}:${index}`;

/** The cached image of one example, if it has been fetched. */
export function cachedExample(split: SplitName, index: number): Rgba | undefined {
  return cache.get(keyOf(split, index));
}

/**
 * Images of some examples of a split, fetched from the worker the first time they are needed.
 * Returns the images that are ready (by index) and any error in plain words.
 */
export function useExamples(
  owner: string,
  split: SplitName,
  indices: readonly number[],
): { images: Map<number, Rgba>; error: string | null } {
  const key = indices.join(',');
  const [, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const wanted = key === '' ? [] : key.split(',').map(Number);
    const missing = wanted.filter((index) => !cache.has(keyOf(split, index)));
    if (missing.length === 0) return;
    let live = true;
    requestInsight<Examples>(owner, { kind: 'examples', split, indices: missing }).then(
      (result) => {
        result.indices.forEach((index, n) => {
          cache.set(keyOf(result.split, index), exampleToRgba(result.pixels, result.shape, n));
        });
        if (live) setVersion((v) => v + 1);
      },
      (e: unknown) => {
        if (live && !(e instanceof Superseded))
          setError(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      live = false;
    };
  }, [owner, split, key]);

  const images = new Map<number, Rgba>();
  for (const index of indices) {
    const image = cache.get(keyOf(split, index));
    if (image) images.set(index, image);
  }
  return { images, error };
}
