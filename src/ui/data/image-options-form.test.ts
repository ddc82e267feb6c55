import { describe, expect, it } from 'vitest';
import { DEFAULT_IMAGE_OPTIONS } from '../../shared/dataset';
import { DEFAULT_IMAGE_DRAFT, imageOptionsOf } from './image-options-form';

describe('the image options form', () => {
  it('means Auto when the size is empty', () => {
    expect(imageOptionsOf(DEFAULT_IMAGE_DRAFT)).toEqual(DEFAULT_IMAGE_OPTIONS);
  });

  it('reads a square size, gray channels and the aspect policy', () => {
    expect(imageOptionsOf({ size: ' 32 ', channels: '1', aspect: 'pad' })).toEqual({
      size: [32, 32],
      channels: 1,
      aspect: 'pad',
    });
  });

  it('explains a size it cannot use', () => {
    for (const size of ['4', '300', '12.5', 'big']) {
      expect(imageOptionsOf({ ...DEFAULT_IMAGE_DRAFT, size })).toHaveProperty('problem');
    }
  });
});
