import { describe, expect, it } from 'vitest';
import { progressPercent, progressText } from './progress-text';

describe('load progress in words', () => {
  it('gives downloads in megabytes with one decimal', () => {
    const progress = {
      stage: 'downloading',
      done: 1_200_000,
      total: 4_400_000,
      unit: 'bytes',
    } as const;
    expect(progressText(progress)).toBe('Downloading 1.2 of 4.4 MB');
    expect(progressPercent(progress)).toBe(27);
  });

  it('counts images with thousands separators', () => {
    const progress = { stage: 'decoding', done: 340, total: 2000, unit: 'images' } as const;
    expect(progressText(progress)).toBe('Decoding 340 of 2,000 images');
  });

  it('leaves the total out, and the bar indeterminate, when it is unknown', () => {
    const progress = { stage: 'downloading', done: 2_500_000, total: null, unit: 'bytes' } as const;
    expect(progressText(progress)).toBe('Downloading 2.5 MB');
    expect(progressPercent(progress)).toBeNull();
  });

  it('keeps the percentage within 0 to 100', () => {
    expect(progressPercent({ stage: 'reading', done: 12, total: 10, unit: 'files' })).toBe(100);
    expect(progressPercent({ stage: 'reading', done: 0, total: 0, unit: 'files' })).toBe(100);
  });
});
