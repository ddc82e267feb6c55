import type { LayerConfigs } from '../../shared/model-spec';
import type { LayerDefinition, ShapeProblem } from './types';

const defaults: LayerConfigs['input'] = { shape: [28, 28, 1] };

/** Where images enter the network. */
export const input: LayerDefinition<'input'> = {
  kind: 'input',
  label: 'Input',
  description: 'Where the images enter the network, as height × width × colour channels.',
  category: 'Input',
  defaults,
  fields: [
    {
      key: 'shape',
      label: 'Image shape',
      type: 'shape',
      help: "Height × width × channels of the dataset's images (1 channel for grey, 3 for colour).",
    },
  ],
  inputs: { min: 0, max: 0 },
  inferShape(_inputShapes, config) {
    const [height, width, channels] = config.shape;
    const names = ['Input height', 'Input width', 'Input channels'];
    const bad = config.shape.findIndex((dim) => !(Number.isInteger(dim) && dim >= 1));
    if (bad >= 0) {
      const problem: ShapeProblem = {
        problem: `${names[bad] ?? 'Input size'} must be a whole number of at least 1, but it is ${config.shape[bad]}.`,
      };
      return problem;
    }
    return [null, height, width, channels];
  },
  params: () => 0,
  flops: () => 0,
};
