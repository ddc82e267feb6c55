import type { Page } from '@playwright/test';
import { studioProbe } from '../bench/studio-probe.mjs';

type Probe = { __layerwiseBenchProbe: { askedByKind: Record<string, number> } };

/**
 * Counts the insight questions the page sends its engine worker, by kind, with the bench's
 * own probe (bench/studio-probe.mjs: it only watches). Call before opening the page.
 */
export async function countInsightRequests(page: Page): Promise<void> {
  await page.addInitScript(studioProbe);
}

/** How many questions of `kind` the page has asked since it opened. */
export function insightRequests(page: Page, kind: string): Promise<number> {
  return page.evaluate(
    (k) => (window as unknown as Probe).__layerwiseBenchProbe.askedByKind[k] ?? 0,
    kind,
  );
}
