import type { SkippedItem } from '../../shared/dataset';

/**
 * A load that found nothing it could use. `skipped` lists every file that was left out and
 * why, so the page can show the list beside the message.
 */
export class LoadError extends Error {
  constructor(
    message: string,
    readonly skipped: SkippedItem[],
  ) {
    super(message);
    this.name = 'LoadError';
  }
}

/** What the loaders of one load have left out so far, and what is worth telling the user. */
export interface LoadLog {
  skipped: SkippedItem[];
  notes: string[];
}

/** The most bytes an archive or a gzip file may unpack to, and an image store may take. */
export const MAX_UNPACKED_BYTES = 1024 ** 3;
