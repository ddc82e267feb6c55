import type { Page } from '@playwright/test';

type Probe = { __insightsAsked: Record<string, number> };

/**
 * Counts the insight questions the page sends its engine worker, by kind. Call before opening
 * the page.
 */
export async function countInsightRequests(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const asked: Record<string, number> = {};
    (window as unknown as Probe).__insightsAsked = asked;
    // The studio creates its worker with `new Worker(…)`: a subclass counts what it is sent.
    window.Worker = class extends window.Worker {
      postMessage(message: unknown, options?: Transferable[] | StructuredSerializeOptions): void {
        const { type, request } = (message ?? {}) as { type?: string; request?: { kind?: string } };
        if (type === 'insight' && request?.kind) {
          asked[request.kind] = (asked[request.kind] ?? 0) + 1;
        }
        super.postMessage(message, options as StructuredSerializeOptions);
      }
    };
  });
}

/** How many questions of `kind` the page has asked since it opened. */
export function insightRequests(page: Page, kind: string): Promise<number> {
  return page.evaluate((k) => (window as unknown as Probe).__insightsAsked[k] ?? 0, kind);
}
