/**
 * Builders for the Keras export tests: the script's inputs for a network, and one network
 * that uses every layer kind, every activation, every initialiser and L1/L2 penalties.
 */
import { ACTIVATION_NAMES } from '../../shared/model-spec';
import type { LayerNode, ModelSpec } from '../../shared/model-spec';
import type { PreprocessingSpec } from '../../shared/preprocessing';
import { DEFAULT_SETTINGS } from '../../shared/train-settings';
import { layer } from '../spec-builder';
import type { KerasScriptInput } from './keras-script';

/** Script inputs for `spec` on grey 28×28 digits, with any field replaced by `overrides`. */
export function makeKerasInput(
  spec: ModelSpec,
  overrides: Partial<KerasScriptInput> = {},
): KerasScriptInput {
  return {
    spec,
    settings: DEFAULT_SETTINGS,
    preprocessing: makePreprocessing(),
    classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    datasetName: 'MNIST digits',
    split: { validation: 0.1, seed: 20261122 },
    ...overrides,
  };
}

export function makePreprocessing(overrides: Partial<PreprocessingSpec> = {}): PreprocessingSpec {
  return {
    format: 'layerwise-preprocessing',
    version: 1,
    inputShape: [28, 28, 1],
    colour: 'grayscale',
    aspect: 'crop',
    normalisation: 'unit',
    scale: [1 / 255],
    offset: [0],
    stats: { mean: [33.3], std: [78.6] },
    ...overrides,
  };
}

/**
 * A 32×32 RGB, 4-class network with every layer kind, branches joined by Add and
 * Concatenate whose wires are listed against their port order, and a chain of Activation
 * layers with every activation.
 */
export function everyKindSpec(): ModelSpec {
  const nodes: LayerNode[] = [
    layer('input', 'image', { shape: [32, 32, 3] }),
    layer('rescaling', 'rescale', { scale: 1 / 127.5, offset: -1 }),
    layer('zeroPadding2d', 'pad', { top: 1, bottom: 2, left: 3, right: 4 }),
    layer('conv2d', 'conv', {
      filters: 8,
      kernelSize: 3,
      padding: 'same',
      dilation: 2,
      activation: 'relu6',
      useBias: false,
      kernelInitializer: 'heNormal',
      kernelRegularizer: { l1: 0.001, l2: 0.0001 },
    }),
    layer('batchNorm', 'bn', { momentum: 0.9, epsilon: 1e-5 }),
    layer('activation', 'leaky', { activation: 'leakyRelu', alpha: 0.2 }),
    layer('depthwiseConv2d', 'dw', {
      kernelSize: 3,
      padding: 'same',
      depthMultiplier: 2,
      dilation: 2,
      activation: 'elu',
      kernelInitializer: 'glorotNormal',
      kernelRegularizer: { l1: 0, l2: 0.01 },
    }),
    layer('separableConv2d', 'sep', {
      filters: 8,
      kernelSize: 3,
      padding: 'same',
      depthMultiplier: 1,
      activation: 'selu',
      kernelInitializer: 'lecunNormal',
      kernelRegularizer: { l1: 0.02, l2: 0 },
    }),
    layer('concatenate', 'stack'),
    layer('activation', 'soft_elu', { activation: 'elu', alpha: 0.5 }),
    layer('maxPool2d', 'max', { poolSize: 2, strides: 2, padding: 'valid' }),
    layer('avgPool2d', 'avg', { poolSize: 2, strides: 2, padding: 'valid' }),
    layer('add', 'sum'),
    layer('spatialDropout2d', 'maps_drop', { rate: 0.1 }),
    layer('globalAvgPool2d', 'gap'),
    layer('globalMaxPool2d', 'gmp'),
    layer('flatten', 'flat'),
    layer('dense', 'fc', {
      units: 16,
      activation: 'gelu',
      kernelInitializer: 'heUniform',
      kernelRegularizer: { l1: 0, l2: 0.001 },
    }),
    layer('concatenate', 'join'),
    layer('dropout', 'drop', { rate: 0.3 }),
    ...ACTIVATION_NAMES.map((activation) =>
      layer('activation', `act_${activation}`, { activation }),
    ),
    layer('dense', 'out', { units: 4, activation: 'softmax', kernelInitializer: 'zeros' }),
  ];
  const chain = ['drop', ...ACTIVATION_NAMES.map((activation) => `act_${activation}`), 'out'];
  const wire = (from: string, to: string, port?: number) =>
    port === undefined ? { from, to } : { from, to, port };
  return {
    nodes,
    edges: [
      wire('image', 'rescale'),
      wire('rescale', 'pad'),
      wire('pad', 'conv'),
      wire('conv', 'bn'),
      wire('bn', 'leaky'),
      wire('leaky', 'dw'),
      wire('dw', 'sep'),
      // Listed against port order: Concatenate must stack sep's channels first.
      wire('leaky', 'stack', 1),
      wire('sep', 'stack', 0),
      wire('stack', 'soft_elu'),
      wire('soft_elu', 'max'),
      wire('soft_elu', 'avg'),
      wire('avg', 'sum', 1),
      wire('max', 'sum', 0),
      wire('sum', 'maps_drop'),
      wire('maps_drop', 'gap'),
      wire('maps_drop', 'gmp'),
      wire('maps_drop', 'flat'),
      wire('flat', 'fc'),
      wire('fc', 'join', 2),
      wire('gmp', 'join', 1),
      wire('gap', 'join', 0),
      wire('join', 'drop'),
      ...chain.slice(1).map((to, i) => wire(chain[i] ?? '', to)),
    ],
  };
}
