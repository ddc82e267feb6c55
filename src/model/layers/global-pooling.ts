import type { LayerDefinition } from './types';
import { elementCount, soleInput } from './shape-utils';
import { imageDims } from './spatial';

/** Global average pooling: one mean per channel, whatever the image size. */
export const globalAvgPool2d: LayerDefinition<'globalAvgPool2d'> = {
  kind: 'globalAvgPool2d',
  label: 'GlobalAvgPool2D',
  description:
    'Averages each whole feature map into a single number, turning an image of features into a flat list with one value per channel.',
  category: 'Pooling',
  defaults: {},
  fields: [],
  inputs: { min: 1, max: 1 },
  inferShape(inputShapes) {
    const image = imageDims(soleInput(inputShapes), 'GlobalAvgPool2D');
    return 'problem' in image ? image : [null, image.channels];
  },
  params: () => 0,
  flops: (inputShapes) => 2 * elementCount(soleInput(inputShapes)),
};

/** Global max pooling: the strongest response per channel, whatever the image size. */
export const globalMaxPool2d: LayerDefinition<'globalMaxPool2d'> = {
  kind: 'globalMaxPool2d',
  label: 'GlobalMaxPool2D',
  description:
    'Keeps only the largest value of each whole feature map, answering "did this pattern appear anywhere?" once per channel.',
  category: 'Pooling',
  defaults: {},
  fields: [],
  inputs: { min: 1, max: 1 },
  inferShape(inputShapes) {
    const image = imageDims(soleInput(inputShapes), 'GlobalMaxPool2D');
    return 'problem' in image ? image : [null, image.channels];
  },
  params: () => 0,
  flops: () => 0,
};
