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
import { checkPositiveInteger, firstProblem, lastDim, soleInput } from './shape-utils';

const defaults: LayerConfigs['separableConv2d'] = {
  filters: 16,
  depthMultiplier: 1,
  kernelSize: 3,
  strides: 1,
  padding: 'same',
  dilation: 1,
  activation: 'relu',
  useBias: true,
  ...KERNEL_DEFAULTS,
};

/** Depthwise convolution followed by a 1×1 convolution that mixes the channels. */
export const separableConv2d: LayerDefinition<'separableConv2d'> = {
  kind: 'separableConv2d',
  label: 'SeparableConv2D',
  description:
    'Filters each channel on its own, then mixes channels with 1×1 filters: most of what Conv2D does for a fraction of the weights.',
  category: 'Convolution',
  defaults,
  fields: [
    {
      key: 'filters',
      label: 'Filters',
      type: 'int',
      min: 1,
      max: 1024,
      help: 'Output channels made by the 1×1 mixing step.',
    },
    {
      key: 'depthMultiplier',
      label: 'Depth multiplier',
      type: 'int',
      min: 1,
      max: 8,
      help: 'Depthwise filters per input channel before mixing.',
    },
    ...windowFields,
    activationField,
    useBiasField,
    ...kernelFields,
  ],
  inputs: { min: 1, max: 1 },
  inferShape(inputShapes, config) {
    const bad = firstProblem(
      checkPositiveInteger(config, defaults, 'filters', 'Filters'),
      checkPositiveInteger(config, defaults, 'depthMultiplier', 'Depth multiplier'),
    );
    if (bad) return bad;
    const out = convGeometry(inputShapes, config, defaults, 'SeparableConv2D');
    if ('problem' in out) return out;
    return [null, out.height, out.width, config.filters];
  },
  params(inputShapes, config) {
    const depthwise = lastDim(soleInput(inputShapes)) * config.depthMultiplier;
    const weights = config.kernelSize * config.kernelSize * depthwise + depthwise * config.filters;
    return weights + (config.useBias ? config.filters : 0);
  },
  flops(inputShapes, outputShape, config) {
    const depthwise = lastDim(soleInput(inputShapes)) * config.depthMultiplier;
    const [, height = 0, width = 0] = outputShape;
    const positions = (height ?? 0) * (width ?? 0);
    const macs = positions * depthwise * (config.kernelSize * config.kernelSize + config.filters);
    return 2 * macs;
  },
};
