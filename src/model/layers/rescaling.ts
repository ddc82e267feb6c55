import type { LayerDefinition } from './types';
import { elementCount, soleInput } from './shape-utils';

/** output = input × scale + offset. */
export const rescaling: LayerDefinition<'rescaling'> = {
  kind: 'rescaling',
  label: 'Rescaling',
  description:
    'Multiplies every value by a scale and adds an offset, for example turning pixels from 0–255 into 0–1.',
  category: 'Preprocessing',
  defaults: { scale: 1 / 255, offset: 0 },
  fields: [
    {
      key: 'scale',
      label: 'Scale',
      type: 'number',
      step: 0.001,
      help: 'Each value is multiplied by this; 1/255 ≈ 0.0039 maps 0–255 pixels to 0–1.',
    },
    {
      key: 'offset',
      label: 'Offset',
      type: 'number',
      step: 0.1,
      help: 'Added after scaling; −1 with scale 1/127.5 maps pixels to −1…1.',
    },
  ],
  inputs: { min: 1, max: 1 },
  inferShape(inputShapes, config) {
    if (!Number.isFinite(config.scale) || !Number.isFinite(config.offset)) {
      return {
        problem: `Scale and offset must be numbers, but they are ${config.scale} and ${config.offset}.`,
        fix: { label: 'Set scale 1/255 and offset 0', config: { scale: 1 / 255, offset: 0 } },
      };
    }
    return soleInput(inputShapes);
  },
  params: () => 0,
  flops: (inputShapes) => 2 * elementCount(soleInput(inputShapes)),
};
