import type { LayerConfigs } from '../../shared/model-spec';
import type { LayerDefinition } from './types';
import { convGeometry } from './conv-window';
import {
  KERNEL_DEFAULTS,
  activationField,
  kernelFields,
  useBiasField,
  windowFields,
} from './fields';
import { checkPositiveInteger, elementCount, lastDim, soleInput } from './shape-utils';

const defaults: LayerConfigs['conv2d'] = {
  filters: 8,
  kernelSize: 3,
  strides: 1,
  padding: 'valid',
  dilation: 1,
  activation: 'relu',
  useBias: true,
  ...KERNEL_DEFAULTS,
};

/** 2-D convolution: learned square filters slid over the image. */
export const conv2d: LayerDefinition<'conv2d'> = {
  kind: 'conv2d',
  label: 'Conv2D',
  description:
    'Slides small learned filters over the image, producing one feature map per filter that lights up where its pattern appears.',
  category: 'Convolution',
  defaults,
  fields: [
    {
      key: 'filters',
      label: 'Filters',
      type: 'int',
      min: 1,
      max: 1024,
      help: 'How many patterns the layer learns; each becomes one output channel.',
    },
    ...windowFields,
    activationField,
    useBiasField,
    ...kernelFields,
  ],
  inputs: { min: 1, max: 1 },
  inferShape(inputShapes, config) {
    const bad = checkPositiveInteger(config, defaults, 'filters', 'Filters');
    if (bad) return bad;
    const out = convGeometry(inputShapes, config, defaults, 'Conv2D');
    if ('problem' in out) return out;
    return [null, out.height, out.width, config.filters];
  },
  params(inputShapes, config) {
    const weights =
      config.kernelSize * config.kernelSize * lastDim(soleInput(inputShapes)) * config.filters;
    return weights + (config.useBias ? config.filters : 0);
  },
  flops(inputShapes, outputShape, config) {
    const macsPerOutput = config.kernelSize * config.kernelSize * lastDim(soleInput(inputShapes));
    return 2 * macsPerOutput * elementCount(outputShape);
  },
};
