import type { DatasetSummary } from '../../shared/dataset';
import { MAX_DATASET_BYTES } from '../../shared/project/project';
import { SAMPLE_WIDE_HEADER_BYTES } from '../../data/sample-format';
import { formatBytes, formatCount } from '../format';

/** What the "Include the dataset" choice offers: its words, and whether it can be ticked. */
export interface DatasetChoice {
  label: string;
  /** Why the dataset cannot go into the file, or null when it can. */
  refusal: string | null;
}

/**
 * The Save choice for the loaded dataset: how many images it has and about how much they add
 * to the file (unpacked, in the sample format: one byte a pixel and channel, one a label).
 */
export function datasetChoice(summary: DatasetSummary | null | undefined): DatasetChoice {
  if (!summary) return { label: 'Include the dataset', refusal: 'No dataset is loaded yet.' };
  const images = summary.classCounts.reduce((sum, count) => sum + count, 0);
  const [h, w, c] = summary.inputShape;
  const bytes = SAMPLE_WIDE_HEADER_BYTES + images * (h * w * c + 1);
  const label = `Include the dataset (${formatCount(images)} ${images === 1 ? 'image' : 'images'}, about ${formatBytes(bytes)})`;
  if (images === 0) return { label, refusal: 'The dataset has no images yet.' };
  if (bytes > MAX_DATASET_BYTES) {
    return {
      label,
      refusal: `A project file carries at most ${formatBytes(MAX_DATASET_BYTES)} of images.`,
    };
  }
  return { label, refusal: null };
}
