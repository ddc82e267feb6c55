import type { LoadProgress } from '../../shared/dataset';

const STAGE_WORDS: Record<LoadProgress['stage'], string> = {
  downloading: 'Downloading',
  reading: 'Reading',
  decoding: 'Decoding',
  generating: 'Generating',
  checking: 'Checking',
};

const count = new Intl.NumberFormat('en-GB');
const megabytes = (bytes: number) => (bytes / 1_000_000).toFixed(1);

/**
 * A load's progress in words for the progress bar: "Downloading 1.2 of 4.4 MB",
 * "Decoding 340 of 2,000 images", or without a known total "Downloading 1.2 MB".
 */
export function progressText(progress: LoadProgress): string {
  const stage = STAGE_WORDS[progress.stage];
  const { done, total, unit } = progress;
  if (unit === 'bytes') {
    return total === null
      ? `${stage} ${megabytes(done)} MB`
      : `${stage} ${megabytes(done)} of ${megabytes(total)} MB`;
  }
  return total === null
    ? `${stage} ${count.format(done)} ${unit}`
    : `${stage} ${count.format(done)} of ${count.format(total)} ${unit}`;
}

/** Percent done, 0–100, or null when the total is unknown (an indeterminate bar). */
export function progressPercent(progress: LoadProgress): number | null {
  if (progress.total === null) return null;
  if (progress.total <= 0) return 100;
  return Math.min(100, Math.max(0, Math.round((progress.done / progress.total) * 100)));
}
