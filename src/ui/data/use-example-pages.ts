import { useEffect, useState } from 'react';
import type { Rgba } from '../insights/pixels';
import { exampleToRgba } from '../insights/pixels';
import { askData } from './data-client';

/** Examples fetched per request: a few rows of the grid. */
export const PAGE_SIZE = 48;
/** Pages kept; the oldest go first, so scrolling through 60,000 images keeps memory bounded. */
const MAX_PAGES = 200;

/** One page of a class's examples, ready to draw. */
export interface ExamplePage {
  indices: number[];
  labels: number[];
  images: Rgba[];
}

const cache = new Map<string, ExamplePage>();
const inFlight = new Set<string>();
const keyOf = (fingerprint: string, classIndex: number | null, page: number) =>
  `${fingerprint}:${classIndex ?? 'all'}:${page}`;

function remember(key: string, page: ExamplePage): void {
  cache.set(key, page);
  while (cache.size > MAX_PAGES) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
}

/**
 * The pages of one class's examples (or all classes') that the grid shows, fetched from the
 * worker as they scroll into view. The dataset's fingerprint is part of each key, so an edit
 * that changes the examples fetches them again.
 */
export function useExamplePages(
  fingerprint: string,
  shape: [number, number, number],
  classIndex: number | null,
  pages: readonly number[],
): { pageOf: (page: number) => ExamplePage | undefined; error: string | null } {
  const [, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const wanted = pages.join(',');
  const shapeKey = shape.join('x');

  useEffect(() => {
    let live = true;
    const [h, w, c] = shapeKey.split('x').map(Number) as [number, number, number];
    for (const page of wanted === '' ? [] : wanted.split(',').map(Number)) {
      const key = keyOf(fingerprint, classIndex, page);
      if (cache.has(key) || inFlight.has(key)) continue;
      inFlight.add(key);
      askData({ kind: 'examples', classIndex, offset: page * PAGE_SIZE, count: PAGE_SIZE })
        .then(
          (result) => {
            remember(key, {
              indices: result.indices,
              labels: result.labels,
              images: result.indices.map((_, n) => exampleToRgba(result.pixels, [h, w, c], n)),
            });
            // Not only when this effect is live: a newer effect skips pages still in flight,
            // so whichever effect sent the request must trigger the redraw.
            setError(null);
            setVersion((v) => v + 1);
          },
          (e: unknown) => {
            if (live) setError(e instanceof Error ? e.message : String(e));
          },
        )
        .finally(() => inFlight.delete(key));
    }
    return () => {
      live = false;
    };
  }, [fingerprint, shapeKey, classIndex, wanted]);

  return { pageOf: (page) => cache.get(keyOf(fingerprint, classIndex, page)), error };
}
