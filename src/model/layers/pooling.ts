import type { LayerConfigs, Shape } from '../../shared/model-spec';
import type { ShapeProblem } from './types';
import { checkPositiveInteger, firstProblem, soleInput } from './shape-utils';
import { imageDims, slideWindow } from './spatial';

type PoolConfig = LayerConfigs['maxPool2d'];

/** Keras' default pooling: 2×2 windows that halve the height and width. */
export const POOL_DEFAULTS: PoolConfig = { poolSize: 2, strides: 2, padding: 'valid' };

/** Output shape of a max or average pooling layer: the window slides, channels are kept. */
export function poolShape(
  inputShapes: Shape[],
  config: PoolConfig,
  label: string,
): Shape | ShapeProblem {
  const problem = firstProblem(
    checkPositiveInteger(config, POOL_DEFAULTS, 'poolSize', 'Pool size'),
    checkPositiveInteger(config, POOL_DEFAULTS, 'strides', 'Strides'),
  );
  if (problem) return problem;
  const image = imageDims(soleInput(inputShapes), label);
  if ('problem' in image) return image;
  const out = slideWindow(image, {
    size: config.poolSize,
    strides: config.strides,
    padding: config.padding,
    noun: 'pooling window',
  });
  if ('problem' in out) return out;
  return [null, out.height, out.width, image.channels];
}
