import { useEffect, useState } from 'react';

/**
 * Whether any part of the element the returned ref is put on is on screen, watched only once
 * `watch` is true: until the content above it has its size, an element may look on screen for
 * a moment. The Insights sections that run the network ask only while they are on screen, so
 * training goes on faster while no one looks at them. Without IntersectionObserver everything
 * counts as on screen.
 */
export function useInView<T extends Element>(
  watch: boolean,
): [(element: T | null) => void, boolean] {
  const [element, setElement] = useState<T | null>(null);
  const [inView, setInView] = useState(false);
  const canObserve = typeof IntersectionObserver !== 'undefined';

  useEffect(() => {
    if (!element || !watch || !canObserve) return;
    const observer = new IntersectionObserver((entries) => {
      const last = entries[entries.length - 1];
      if (last) setInView(last.isIntersecting);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      setInView(false);
    };
  }, [element, watch, canObserve]);

  return [setElement, watch && (inView || !canObserve)];
}
