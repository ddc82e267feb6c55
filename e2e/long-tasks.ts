import type { Page } from '@playwright/test';

type Probe = { __longestTask: { value: number } };

/**
 * Records the longest main-thread task from the first paint on, as a person would feel it.
 * Call before opening the page; read and reset with the functions below.
 */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const longest = { value: 0 };
    (window as unknown as Probe).__longestTask = longest;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        longest.value = Math.max(longest.value, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** The longest task seen since the page opened or the last reset, in ms. */
export function longestTask(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as Probe).__longestTask.value);
}

/** Forgets tasks seen so far, e.g. start-up, to measure only what follows. */
export async function resetLongestTask(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as Probe).__longestTask.value = 0));
}
