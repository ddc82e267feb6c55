import { describe, expect, it } from 'vitest';
import type { DatasetSummary } from '../../shared/dataset';
import { datasetChoice } from './dataset-choice';

function makeSummary(classCounts: number[], inputShape: [number, number, number]) {
  return { classCounts, inputShape } as DatasetSummary;
}

describe('the Include the dataset choice', () => {
  it('says how many images and about how many bytes the dataset adds', () => {
    expect(datasetChoice(makeSummary([1000, 1000], [28, 28, 1]))).toEqual({
      label: 'Include the dataset (2,000 images, about 1.5 MB)',
      refusal: null,
    });
  });

  it('cannot be ticked without images, or for more than a project file carries', () => {
    expect(datasetChoice(null).refusal).toBe('No dataset is loaded yet.');
    expect(datasetChoice(makeSummary([0, 0], [64, 64, 3])).refusal).toBe(
      'The dataset has no images yet.',
    );
    expect(datasetChoice(makeSummary([50_000, 50_000], [64, 64, 3])).refusal).toBe(
      'A project file carries at most 1.0 GB of images.',
    );
  });
});
