import type { DatasetSummary } from '../shared/dataset';
import type { PreprocessingSpec } from '../shared/preprocessing';
import { normaliseParams } from './normalisation';

/**
 * How inputs of the loaded dataset are prepared, as data: its size, colour, aspect policy and
 * the one normalisation the studio trains with. What exports and the Keras script carry.
 */
export function preprocessingSpec(
  summary: Pick<DatasetSummary, 'inputShape' | 'config' | 'stats' | 'aspect'>,
): PreprocessingSpec {
  const { inputShape, config, stats, aspect } = summary;
  const { scale, offset } = normaliseParams(config.normalisation, stats, inputShape[2]);
  return {
    format: 'layerwise-preprocessing',
    version: 1,
    inputShape: [...inputShape],
    colour: inputShape[2] === 1 ? 'grayscale' : 'rgb',
    aspect,
    normalisation: config.normalisation,
    scale,
    offset,
    stats: { mean: [...stats.mean], std: [...stats.std] },
  };
}
