/**
 * Test oracle: the Keras layer each studio node should become, written out from the spec
 * and Keras' documentation independently of the generator.
 */
import type { KernelOptions, LayerNode, WindowOptions } from '../../shared/model-spec';
import { assertNever } from '../../shared/assert-never';
import type { PyValue } from './read-script';

const KERAS_INITIALIZERS = {
  glorotUniform: 'glorot_uniform',
  glorotNormal: 'glorot_normal',
  heUniform: 'he_uniform',
  heNormal: 'he_normal',
  lecunNormal: 'lecun_normal',
  zeros: 'zeros',
} as const;

/** The Keras constructor and keyword arguments expected for a node, written from the spec. */
export function expectedLayer(node: LayerNode): { call: string; kwargs: Record<string, PyValue> } {
  const keras = (name: string, kwargs: Record<string, PyValue> = {}) => ({
    call: `keras.layers.${name}`,
    kwargs: { ...kwargs, name: node.id },
  });
  const window = (c: WindowOptions) => ({
    kernel_size: c.kernelSize,
    strides: c.strides,
    padding: c.padding,
    dilation_rate: c.dilation,
  });
  const kernel = (prefix: string, c: KernelOptions) => {
    const { l1, l2 } = c.kernelRegularizer;
    return {
      [`${prefix}_initializer`]: KERAS_INITIALIZERS[c.kernelInitializer],
      ...(l1 > 0 || l2 > 0
        ? {
            [`${prefix}_regularizer`]: {
              call: 'keras.regularizers.L1L2',
              args: [],
              kwargs: { l1, l2 },
            },
          }
        : {}),
    };
  };
  switch (node.kind) {
    case 'input':
      return { call: 'keras.Input', kwargs: { shape: [...node.config.shape], name: node.id } };
    case 'conv2d':
      return keras('Conv2D', {
        filters: node.config.filters,
        ...window(node.config),
        activation: node.config.activation,
        use_bias: node.config.useBias,
        ...kernel('kernel', node.config),
      });
    case 'depthwiseConv2d':
      return keras('DepthwiseConv2D', {
        ...window(node.config),
        depth_multiplier: node.config.depthMultiplier,
        activation: node.config.activation,
        use_bias: node.config.useBias,
        ...kernel('depthwise', node.config),
      });
    case 'separableConv2d':
      return keras('SeparableConv2D', {
        filters: node.config.filters,
        ...window(node.config),
        depth_multiplier: node.config.depthMultiplier,
        activation: node.config.activation,
        use_bias: node.config.useBias,
        ...kernel('depthwise', node.config),
        ...kernel('pointwise', node.config),
      });
    case 'maxPool2d':
    case 'avgPool2d':
      return keras(node.kind === 'maxPool2d' ? 'MaxPooling2D' : 'AveragePooling2D', {
        pool_size: node.config.poolSize,
        strides: node.config.strides,
        padding: node.config.padding,
      });
    case 'globalAvgPool2d':
      return keras('GlobalAveragePooling2D');
    case 'globalMaxPool2d':
      return keras('GlobalMaxPooling2D');
    case 'batchNorm':
      return keras('BatchNormalization', {
        axis: -1,
        momentum: node.config.momentum,
        epsilon: node.config.epsilon,
      });
    case 'dropout':
      return keras('Dropout', { rate: node.config.rate });
    case 'spatialDropout2d':
      return keras('SpatialDropout2D', { rate: node.config.rate });
    case 'flatten':
      return keras('Flatten');
    case 'dense':
      return keras('Dense', {
        units: node.config.units,
        activation: node.config.activation,
        use_bias: node.config.useBias,
        ...kernel('kernel', node.config),
      });
    case 'activation': {
      const { activation, alpha } = node.config;
      if (activation === 'leakyRelu') return keras('LeakyReLU', { negative_slope: alpha });
      if (activation === 'elu') return keras('ELU', { alpha });
      return keras('Activation', { activation });
    }
    case 'add':
      return keras('Add');
    case 'concatenate':
      return keras('Concatenate', { axis: -1 });
    case 'rescaling':
      return keras('Rescaling', { scale: node.config.scale, offset: node.config.offset });
    case 'zeroPadding2d': {
      const { top, bottom, left, right } = node.config;
      return keras('ZeroPadding2D', {
        padding: [
          [top, bottom],
          [left, right],
        ],
      });
    }
    case 'pretrainedBase':
      throw new Error('A Pretrained base has no Keras layer.');
    default:
      return assertNever(node);
  }
}
