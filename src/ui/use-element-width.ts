import { useEffect, useState } from 'react';

/** The content width of `element` in CSS pixels, following it as it resizes; `initial` before. */
export function useElementWidth(element: HTMLElement | null, initial: number): number {
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return width;
}
