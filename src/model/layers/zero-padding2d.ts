import type { LayerConfigs } from '../../shared/model-spec';
import type { LayerDefinition } from './types';
import { soleInput } from './shape-utils';
import { imageDims } from './spatial';

type Sides = LayerConfigs['zeroPadding2d'];

const SIDES = ['top', 'bottom', 'left', 'right'] as const;

const side = (key: keyof Sides, label: string) =>
  ({
    key,
    label,
    type: 'int',
    min: 0,
    max: 32,
    help: `Rows or columns of zeros added on the ${key}.`,
  }) as const;

/** Adds rows and columns of zeros around each feature map. */
export const zeroPadding2d: LayerDefinition<'zeroPadding2d'> = {
  kind: 'zeroPadding2d',
  label: 'ZeroPadding2D',
  description:
    'Adds a border of zeros around each feature map, so a following layer can see the edges or keep its size.',
  category: 'Preprocessing',
  defaults: { top: 1, bottom: 1, left: 1, right: 1 },
  fields: [
    side('top', 'Top'),
    side('bottom', 'Bottom'),
    side('left', 'Left'),
    side('right', 'Right'),
  ],
  inputs: { min: 1, max: 1 },
  inferShape(inputShapes, config) {
    const bad = SIDES.find((key) => !(Number.isInteger(config[key]) && config[key] >= 0));
    if (bad) {
      return {
        problem: `Padding on the ${bad} must be a whole number of at least 0, but it is ${config[bad]}.`,
        fix: { label: `Set ${bad} padding to 1`, config: { [bad]: 1 } },
      };
    }
    const image = imageDims(soleInput(inputShapes), 'ZeroPadding2D');
    if ('problem' in image) return image;
    return [
      null,
      image.height + config.top + config.bottom,
      image.width + config.left + config.right,
      image.channels,
    ];
  },
  params: () => 0,
  flops: () => 0,
};
