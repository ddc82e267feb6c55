import type { LayerDefinition } from './types';
import { checkPositiveInteger, firstProblem } from './shape-utils';

/** Where images enter the network. */
export const input: LayerDefinition<'input'> = {
  kind: 'input',
  label: 'Input',
  description: 'Where the images enter the network, as height × width × colour channels.',
  defaults: { shape: [28, 28, 1] },
  inputs: { min: 0, max: 0 },
  inferShape(_inputShapes, config) {
    const [height, width, channels] = config.shape;
    const problem = firstProblem(
      checkPositiveInteger(height, 'Input height'),
      checkPositiveInteger(width, 'Input width'),
      checkPositiveInteger(channels, 'Input channels'),
    );
    return problem ?? [null, height, width, channels];
  },
  params: () => 0,
  flops: () => 0,
};
