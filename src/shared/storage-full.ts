/**
 * True when a write to the browser's storage failed because the site's quota is used up
 * (`QuotaExceededError`; older Firefox names it `NS_ERROR_DOM_QUOTA_REACHED`). IndexedDB
 * reports it as the transaction's error, so the transaction, and every write in it, is undone.
 */
export function isQuotaExceeded(error: unknown): boolean {
  const name =
    typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : '';
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

/** The first thing to do when the browser's storage is full; each caller adds how to keep its work. */
export const FREE_SPACE = "Free some space (clear other sites' data in the browser's settings)";
