import { useVirtualizer } from '@tanstack/react-virtual';
import { useId, useRef, useState } from 'react';
import type { DatasetSummary } from '../../shared/dataset';
import { useElementWidth } from '../use-element-width';
import { PixelsCanvas } from './PixelsCanvas';
import { PAGE_SIZE, useExamplePages } from './use-example-pages';

/** Displayed side of a thumbnail and the gap between them, in CSS pixels. */
const TILE = 56;
const GAP = 4;

/** Columns that fit the grid's width, following it as the window resizes. */
function useColumns(element: HTMLElement | null): number {
  const width = useElementWidth(element, 600);
  return Math.max(1, Math.floor((width + GAP) / (TILE + GAP)));
}

/**
 * Every example of a class (or of all classes) as thumbnails. Only the rows in view exist in the
 * page, and their pixels are fetched from the worker a page at a time, so a dataset of tens of
 * thousands of images scrolls smoothly.
 */
export function SampleGrid({ summary }: { summary: DatasetSummary }) {
  const id = useId();
  const [classIndex, setClassIndex] = useState<number | null>(null);
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const scrollerRef = useRef<HTMLDivElement | null>(null);
  const columns = useColumns(scroller);
  const validClass =
    classIndex !== null && classIndex < summary.classNames.length ? classIndex : null;
  const total =
    validClass === null
      ? summary.classCounts.reduce((a, b) => a + b, 0)
      : (summary.classCounts[validClass] ?? 0);
  const rows = Math.ceil(total / columns);
  // The virtualiser re-renders this component itself on scroll, which is what it is for here.
  // eslint-disable-next-line react-hooks/incompatible-library -- nothing here is memoised on it
  const virtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => TILE + GAP,
    overscan: 2,
  });
  const items = virtualizer.getVirtualItems();
  const first = (items[0]?.index ?? 0) * columns;
  const last = Math.min(total, ((items[items.length - 1]?.index ?? -1) + 1) * columns) - 1;
  const pages: number[] = [];
  for (let p = Math.floor(first / PAGE_SIZE); last >= 0 && p <= Math.floor(last / PAGE_SIZE); p++) {
    pages.push(p);
  }
  const [h, w] = summary.inputShape;
  const { pageOf, error } = useExamplePages(
    summary.fingerprint,
    summary.inputShape,
    validClass,
    pages,
  );

  return (
    <section className="sample-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Examples</h3>
      <label htmlFor={`${id}-class`}>Show </label>
      <select
        id={`${id}-class`}
        data-testid="grid-class"
        value={validClass === null ? 'all' : String(validClass)}
        onChange={(event) => {
          const value = event.target.value;
          setClassIndex(value === 'all' ? null : Number(value));
          scrollerRef.current?.scrollTo({ top: 0 });
        }}
      >
        <option value="all">All classes ({summary.classCounts.reduce((a, b) => a + b, 0)})</option>
        {summary.classNames.map((name, k) => (
          <option key={k} value={k}>
            {name} ({summary.classCounts[k] ?? 0})
          </option>
        ))}
      </select>
      {error && (
        <p className="message error" role="alert">
          {error}
        </p>
      )}
      <div
        ref={(element) => {
          scrollerRef.current = element;
          setScroller(element);
        }}
        className={total === 0 ? 'sample-grid empty' : 'sample-grid'}
        data-testid="sample-grid"
        data-total={total}
        tabIndex={0}
        role="region"
        aria-label={`${total} example images; scroll to see more`}
      >
        {total === 0 && <p className="hint">No examples yet.</p>}
        <div className="sample-grid-inner" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((row) => (
            <div
              key={row.key}
              className="sample-row"
              style={{ transform: `translateY(${row.start}px)`, height: TILE + GAP }}
            >
              {Array.from({ length: columns }, (_, col) => row.index * columns + col)
                .filter((n) => n < total)
                .map((n) => {
                  const page = pageOf(Math.floor(n / PAGE_SIZE));
                  const image = page?.images[n % PAGE_SIZE] ?? null;
                  const label = page?.labels[n % PAGE_SIZE];
                  return (
                    <PixelsCanvas
                      key={n}
                      image={image}
                      width={w}
                      height={h}
                      scale={TILE / Math.max(w, h)}
                      label={
                        image && label !== undefined
                          ? (summary.classNames[label] ?? `class ${label}`)
                          : 'Loading…'
                      }
                      testId="sample-tile"
                    />
                  );
                })}
            </div>
          ))}
        </div>
      </div>
    </section>
  );
}
