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

const defaults: LayerConfigs['depthwiseConv2d'] = {
  depthMultiplier: 1,
  kernelSize: 3,
  strides: 1,
  padding: 'same',
  dilation: 1,
  activation: 'linear',
  useBias: true,
  ...KERNEL_DEFAULTS,
};

/** Depthwise convolution: one small filter per input channel, channels never mixed. */
export const depthwiseConv2d: LayerDefinition<'depthwiseConv2d'> = {
  kind: 'depthwiseConv2d',
  label: 'DepthwiseConv2D',
  description:
    'Filters each channel on its own with a small kernel, a cheap way to find spatial patterns without mixing channels.',
  category: 'Convolution',
  defaults,
  fields: [
    {
      key: 'depthMultiplier',
      label: 'Depth multiplier',
      type: 'int',
      min: 1,
      max: 8,
      help: 'Filters per input channel; the output has channels × this many channels.',
    },
    ...windowFields,
    activationField,
    useBiasField,
    ...kernelFields,
  ],
  inputs: { min: 1, max: 1 },
  inferShape(inputShapes, config) {
    const bad = checkPositiveInteger(config, defaults, 'depthMultiplier', 'Depth multiplier');
    if (bad) return bad;
    const out = convGeometry(inputShapes, config, defaults, 'DepthwiseConv2D');
    if ('problem' in out) return out;
    return [null, out.height, out.width, out.image.channels * config.depthMultiplier];
  },
  params(inputShapes, config) {
    const channels = lastDim(soleInput(inputShapes)) * config.depthMultiplier;
    const weights = config.kernelSize * config.kernelSize * channels;
    return weights + (config.useBias ? channels : 0);
  },
  flops(_inputShapes, outputShape, config) {
    // Each output value reads one kernel window of one channel.
    return 2 * config.kernelSize * config.kernelSize * elementCount(outputShape);
  },
};
