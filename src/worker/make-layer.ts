import * as tf from '@tensorflow/tfjs';
import type { LayerConfigs, LayerNode } from '../shared/model-spec';
import { assertNever } from '../shared/assert-never';
import { DilatedDepthwiseConv2D } from './layers/dilated-depthwise-conv2d';
import { ScaledElu } from './layers/scaled-elu';
import { seededDropout } from './layers/seeded-dropout';
import { makeInitializer, makeRegularizer } from './layer-options';

/**
 * The tfjs layer for one node that is neither an Input nor a Pretrained base (those two are
 * wired by `buildModel` itself), named after the node id, with Keras semantics:
 * channels-last, square kernels and windows, seeded initialisers.
 */
export function makeLayer(
  node: Exclude<LayerNode, { kind: 'input' | 'pretrainedBase' }>,
  seed: number,
): tf.layers.Layer {
  const name = node.id;
  switch (node.kind) {
    case 'conv2d': {
      const { filters, kernelSize, strides, padding, dilation, activation, useBias } = node.config;
      return tf.layers.conv2d({
        name,
        filters,
        kernelSize,
        strides,
        padding,
        dilationRate: dilation,
        activation,
        useBias,
        ...kernelArgs(node.config, seed),
      });
    }
    case 'depthwiseConv2d':
      return depthwiseConv2d(name, node.config, seed);
    case 'separableConv2d': {
      const {
        filters,
        depthMultiplier,
        kernelSize,
        strides,
        padding,
        dilation,
        activation,
        useBias,
      } = node.config;
      const initializer = makeInitializer(node.config.kernelInitializer, seed);
      const regularizer = makeRegularizer(node.config.kernelRegularizer);
      // tfjs 4.22 builds the pointwise kernel with the depthwise initialiser whatever is passed.
      return tf.layers.separableConv2d({
        name,
        filters,
        depthMultiplier,
        kernelSize,
        strides,
        padding,
        dilationRate: dilation,
        activation,
        useBias,
        depthwiseInitializer: initializer,
        pointwiseInitializer: initializer,
        ...(regularizer && {
          depthwiseRegularizer: regularizer,
          pointwiseRegularizer: regularizer,
        }),
      });
    }
    case 'maxPool2d': {
      const { poolSize, strides, padding } = node.config;
      return tf.layers.maxPooling2d({ name, poolSize, strides, padding });
    }
    case 'avgPool2d': {
      const { poolSize, strides, padding } = node.config;
      return tf.layers.averagePooling2d({ name, poolSize, strides, padding });
    }
    case 'globalAvgPool2d':
      return tf.layers.globalAveragePooling2d({ name });
    case 'globalMaxPool2d':
      return tf.layers.globalMaxPooling2d({ name });
    case 'batchNorm': {
      const { momentum, epsilon } = node.config;
      return tf.layers.batchNormalization({ name, axis: -1, momentum, epsilon });
    }
    case 'dropout':
      return seededDropout({ name, rate: node.config.rate }, seed);
    case 'spatialDropout2d':
      // tfjs has no SpatialDropout2D; a noise shape of 1×1 per channel drops whole feature
      // maps, which is exactly what Keras' SpatialDropout2D does. Nulls take the input's size.
      return seededDropout(
        { name, rate: node.config.rate, noiseShape: [null, 1, 1, null] as unknown as number[] },
        seed,
      );
    case 'flatten':
      return tf.layers.flatten({ name });
    case 'dense': {
      const { units, activation, useBias } = node.config;
      return tf.layers.dense({
        name,
        units,
        activation,
        useBias,
        ...kernelArgs(node.config, seed),
      });
    }
    case 'activation': {
      const { activation, alpha } = node.config;
      if (activation === 'leakyRelu') return tf.layers.leakyReLU({ name, alpha });
      if (activation === 'elu') {
        return alpha === 1 ? tf.layers.elu({ name }) : new ScaledElu({ name, alpha });
      }
      return tf.layers.activation({ name, activation });
    }
    case 'add':
      return tf.layers.add({ name });
    case 'concatenate':
      return tf.layers.concatenate({ name, axis: -1 });
    case 'rescaling': {
      const { scale, offset } = node.config;
      return tf.layers.rescaling({ name, scale, offset });
    }
    case 'zeroPadding2d': {
      const { top, bottom, left, right } = node.config;
      return tf.layers.zeroPadding2d({
        name,
        padding: [
          [top, bottom],
          [left, right],
        ],
      });
    }
    default:
      return assertNever(node);
  }
}

/** Seeded kernel initialiser and, when set, the L1/L2 penalty on the kernel. */
function kernelArgs(config: LayerConfigs['conv2d'] | LayerConfigs['dense'], seed: number) {
  const kernelRegularizer = makeRegularizer(config.kernelRegularizer);
  return {
    kernelInitializer: makeInitializer(config.kernelInitializer, seed),
    ...(kernelRegularizer && { kernelRegularizer }),
  };
}

function depthwiseConv2d(
  name: string,
  config: LayerConfigs['depthwiseConv2d'],
  seed: number,
): tf.layers.Layer {
  const { kernelSize, depthMultiplier, strides, padding, dilation, activation, useBias } = config;
  if (dilation > 1) {
    const { l1, l2 } = config.kernelRegularizer;
    return new DilatedDepthwiseConv2D({
      name,
      kernelSize,
      depthMultiplier,
      strides,
      padding,
      dilation,
      activation,
      useBias,
      initializer: config.kernelInitializer,
      seed,
      l1,
      l2,
    });
  }
  const depthwiseRegularizer = makeRegularizer(config.kernelRegularizer);
  return tf.layers.depthwiseConv2d({
    name,
    kernelSize,
    depthMultiplier,
    strides,
    padding,
    activation,
    useBias,
    depthwiseInitializer: makeInitializer(config.kernelInitializer, seed),
    ...(depthwiseRegularizer && { depthwiseRegularizer }),
  });
}
