import { useEffect, useState } from 'react';
import type { InsightResult, SplitName } from '../../shared/insights';
import { selectDataset } from '../store/selectors';
import { useStudio } from '../store/studio-store';
import { ExampleCache } from './example-cache';
import { Superseded } from './insight-queue';
import type { Rgba } from './pixels';
import { exampleToRgba } from './pixels';
import { requestInsight } from './requests';

type Examples = Extract<InsightResult, { kind: 'examples' }>;

/**
 * Images kept: several galleries' worth. Galleries show other examples at every epoch, so
 * without a limit a long run would keep the whole split (20,000 photos of 224² are 4 GB as RGBA).
 */
export const MAX_EXAMPLE_IMAGES = 256;

/**
 * Pixels of examples never change with training, so each is fetched once and kept as RGBA, for
 * the current dataset (its summary, replaced by every load and edit).
 */
const cache = new ExampleCache<Rgba>(MAX_EXAMPLE_IMAGES);

/** The images one gallery fetched last, of a dataset and a split. */
interface Fetched {
  dataset: unknown;
  split: SplitName;
  images: Map<number, Rgba>;
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
  const dataset = useStudio(selectDataset)?.summary ?? null;
  const [error, setError] = useState<string | null>(null);
  // The images this gallery fetched last, held while it shows them (a gallery larger than the
  // cache's limit would otherwise push its own first images out); setting it redraws.
  const [fetched, setFetched] = useState<Fetched | null>(null);

  useEffect(() => {
    const wanted = key === '' ? [] : key.split(',').map(Number);
    const missing = wanted.filter((index) => !cache.has(dataset, split, index));
    if (missing.length === 0) return;
    let live = true;
    requestInsight<Examples>(owner, { kind: 'examples', split, indices: missing }).then(
      (result) => {
        // Kept only while it is of the current dataset: one replaced meanwhile empties the cache.
        if (!live) return;
        const images = new Map<number, Rgba>();
        result.indices.forEach((index, n) => {
          const image = exampleToRgba(result.pixels, result.shape, n);
          images.set(index, image);
          cache.set(dataset, result.split, index, image);
        });
        setFetched({ dataset, split: result.split, images });
      },
      (e: unknown) => {
        if (live && !(e instanceof Superseded))
          setError(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      live = false;
    };
  }, [owner, split, key, dataset]);

  const own = fetched?.dataset === dataset && fetched.split === split ? fetched.images : null;
  const images = new Map<number, Rgba>();
  for (const index of indices) {
    const image = cache.get(dataset, split, index) ?? own?.get(index);
    if (image) images.set(index, image);
  }
  return { images, error };
}
