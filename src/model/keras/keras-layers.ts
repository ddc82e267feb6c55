/**
 * Each studio layer as the Keras 3 layer that computes the same thing, with the arguments
 * the worker gives tfjs (`src/worker/make-layer.ts`), under Keras' names.
 */
import type {
  InitializerName,
  KernelOptions,
  LayerConfigs,
  LayerNode,
  WindowOptions,
} from '../../shared/model-spec';
import { assertNever } from '../../shared/assert-never';
import type { PyKwargs } from './python-literal';
import { pyBool, pyCall, pyNumber, pyString, pyTuple } from './python-literal';

/** A Keras layer constructor and its keyword arguments, `name` last. */
export interface KerasLayer {
  callee: string;
  kwargs: PyKwargs;
}

/** tfjs initialiser names → Keras' identifiers. */
const KERAS_INITIALIZERS: Record<InitializerName, string> = {
  glorotUniform: 'glorot_uniform',
  glorotNormal: 'glorot_normal',
  heUniform: 'he_uniform',
  heNormal: 'he_normal',
  lecunNormal: 'lecun_normal',
  zeros: 'zeros',
};

/** Why a network with a Pretrained base has no Keras script. */
export const PRETRAINED_REFUSAL =
  'The Keras script cannot include a Pretrained base: its layers come from a tfjs model the script cannot rebuild. Download model.json + weights.bin instead and convert them with tensorflowjs_converter.';

/** The layer for one node, named after the node id as the worker names the tfjs layer. */
export function kerasLayer(node: LayerNode): KerasLayer {
  const { callee, kwargs } = unnamed(node);
  return { callee, kwargs: [...kwargs, ['name', pyString(node.id)]] };
}

function unnamed(node: LayerNode): KerasLayer {
  switch (node.kind) {
    case 'input':
      return {
        callee: 'keras.Input',
        kwargs: [['shape', pyTuple(node.config.shape.map(pyNumber))]],
      };
    case 'conv2d': {
      const { filters, activation, useBias } = node.config;
      return layer('Conv2D', [
        ['filters', pyNumber(filters)],
        ...windowArgs(node.config),
        ['activation', pyString(activation)],
        ['use_bias', pyBool(useBias)],
        ...kernelArgs('kernel', node.config),
      ]);
    }
    case 'depthwiseConv2d': {
      const { depthMultiplier, activation, useBias } = node.config;
      return layer('DepthwiseConv2D', [
        ...windowArgs(node.config),
        ['depth_multiplier', pyNumber(depthMultiplier)],
        ['activation', pyString(activation)],
        ['use_bias', pyBool(useBias)],
        ...kernelArgs('depthwise', node.config),
      ]);
    }
    case 'separableConv2d': {
      const { filters, depthMultiplier, activation, useBias } = node.config;
      // The studio gives both kernels the same initialiser and penalty.
      return layer('SeparableConv2D', [
        ['filters', pyNumber(filters)],
        ...windowArgs(node.config),
        ['depth_multiplier', pyNumber(depthMultiplier)],
        ['activation', pyString(activation)],
        ['use_bias', pyBool(useBias)],
        ...kernelArgs('depthwise', node.config),
        ...kernelArgs('pointwise', node.config),
      ]);
    }
    case 'maxPool2d':
      return layer('MaxPooling2D', poolArgs(node.config));
    case 'avgPool2d':
      return layer('AveragePooling2D', poolArgs(node.config));
    case 'globalAvgPool2d':
      return layer('GlobalAveragePooling2D', []);
    case 'globalMaxPool2d':
      return layer('GlobalMaxPooling2D', []);
    case 'batchNorm':
      // Both update the moving statistics as moving = moving × momentum + batch × (1 − momentum).
      return layer('BatchNormalization', [
        ['axis', '-1'],
        ['momentum', pyNumber(node.config.momentum)],
        ['epsilon', pyNumber(node.config.epsilon)],
      ]);
    case 'dropout':
      return layer('Dropout', [['rate', pyNumber(node.config.rate)]]);
    case 'spatialDropout2d':
      return layer('SpatialDropout2D', [['rate', pyNumber(node.config.rate)]]);
    case 'flatten':
      return layer('Flatten', []);
    case 'dense': {
      const { units, activation, useBias } = node.config;
      return layer('Dense', [
        ['units', pyNumber(units)],
        ['activation', pyString(activation)],
        ['use_bias', pyBool(useBias)],
        ...kernelArgs('kernel', node.config),
      ]);
    }
    case 'activation':
      return activationLayer(node.config);
    case 'add':
      return layer('Add', []);
    case 'concatenate':
      return layer('Concatenate', [['axis', '-1']]);
    case 'rescaling':
      return layer('Rescaling', [
        ['scale', pyNumber(node.config.scale)],
        ['offset', pyNumber(node.config.offset)],
      ]);
    case 'zeroPadding2d': {
      const { top, bottom, left, right } = node.config;
      const pair = (a: number, b: number) => pyTuple([pyNumber(a), pyNumber(b)]);
      return layer('ZeroPadding2D', [['padding', pyTuple([pair(top, bottom), pair(left, right)])]]);
    }
    case 'pretrainedBase':
      throw new Error(PRETRAINED_REFUSAL);
    default:
      return assertNever(node);
  }
}

function layer(name: string, kwargs: PyKwargs): KerasLayer {
  return { callee: `keras.layers.${name}`, kwargs };
}

function activationLayer({ activation, alpha }: LayerConfigs['activation']): KerasLayer {
  if (activation === 'leakyRelu') return layer('LeakyReLU', [['negative_slope', pyNumber(alpha)]]);
  if (activation === 'elu') return layer('ELU', [['alpha', pyNumber(alpha)]]);
  return layer('Activation', [['activation', pyString(activation)]]);
}

function windowArgs(config: WindowOptions): PyKwargs {
  return [
    ['kernel_size', pyNumber(config.kernelSize)],
    ['strides', pyNumber(config.strides)],
    ['padding', pyString(config.padding)],
    ['dilation_rate', pyNumber(config.dilation)],
  ];
}

function poolArgs(config: LayerConfigs['maxPool2d' | 'avgPool2d']): PyKwargs {
  return [
    ['pool_size', pyNumber(config.poolSize)],
    ['strides', pyNumber(config.strides)],
    ['padding', pyString(config.padding)],
  ];
}

/** `<prefix>_initializer` and, when either weight is above 0, `<prefix>_regularizer`. */
function kernelArgs(prefix: 'kernel' | 'depthwise' | 'pointwise', config: KernelOptions): PyKwargs {
  const initializer: PyKwargs = [
    [`${prefix}_initializer`, pyString(KERAS_INITIALIZERS[config.kernelInitializer])],
  ];
  const { l1, l2 } = config.kernelRegularizer;
  if (l1 <= 0 && l2 <= 0) return initializer;
  const regularizer = pyCall(
    'keras.regularizers.L1L2',
    [],
    [
      ['l1', pyNumber(l1)],
      ['l2', pyNumber(l2)],
    ],
  );
  return [...initializer, [`${prefix}_regularizer`, regularizer]];
}
