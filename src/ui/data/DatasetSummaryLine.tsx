import type { DatasetSummary, Storage } from '../../shared/dataset';
import { NORMALISATION_LABELS } from '../../shared/dataset';

const STORAGE_WORDS: Record<Storage, string> = {
  device: 'All examples are kept on the device while training.',
  streamed: 'Too large to keep on the device at once: training streams batches to it from memory.',
};

/** One paragraph on the loaded dataset: size, image shape, classes, split, scaling, storage. */
export function DatasetSummaryLine({ summary }: { summary: DatasetSummary }) {
  const { train, validation, test } = summary.splits;
  const count = train.total + validation.total + test.total;
  const shape = summary.inputShape.join('×');
  return (
    <p
      className="dataset-summary"
      data-testid="dataset-summary"
      data-count={count}
      data-classes={summary.classNames.length}
      data-shape={shape}
      data-storage={summary.storage}
    >
      {count} images of {shape}, {summary.classNames.length}{' '}
      {summary.classNames.length === 1 ? 'class' : 'classes'}. Split (stratified, seed{' '}
      {summary.config.seed}): {train.total} train, {validation.total} validation, {test.total} test.{' '}
      {NORMALISATION_LABELS[summary.config.normalisation]}. {STORAGE_WORDS[summary.storage]}
    </p>
  );
}
