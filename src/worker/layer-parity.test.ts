import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACTIVATION_NAMES } from '../shared/model-spec';
import type { LayerKind, LayerNode, Shape } from '../shared/model-spec';
import { LAYER_KINDS, inferNodeShape, isShapeProblem, nodeParams } from '../model/layers';
import { layer } from '../model/spec-builder';
import { makeLayer } from './make-layer';

type Case = [kind: LayerKind, inputs: number[][], config: Record<string, unknown>];

const IMAGE = [9, 7, 3];

/** Configs per kind, with the padding, stride and dilation edge cases that trip formulas. */
const CASES: Case[] = [
  ['conv2d', [[28, 28, 1]], { filters: 8, kernelSize: 5 }],
  ['conv2d', [[28, 28, 1]], { filters: 4, kernelSize: 5, padding: 'same', strides: 2 }],
  ['conv2d', [[7, 7, 2]], { filters: 3, kernelSize: 3, strides: 2 }],
  ['conv2d', [[8, 8, 2]], { filters: 3, kernelSize: 3, strides: 3, padding: 'same' }],
  ['conv2d', [IMAGE], { filters: 5, kernelSize: 3, dilation: 2 }],
  ['conv2d', [[11, 11, 2]], { filters: 2, kernelSize: 3, dilation: 3, padding: 'same' }],
  ['conv2d', [[5, 5, 2]], { filters: 2, kernelSize: 5, useBias: false }],
  ['conv2d', [IMAGE], { filters: 6, kernelSize: 1, activation: 'gelu' }],
  ['depthwiseConv2d', [IMAGE], { kernelSize: 3 }],
  ['depthwiseConv2d', [IMAGE], { kernelSize: 3, depthMultiplier: 2, padding: 'valid', strides: 2 }],
  ['depthwiseConv2d', [[10, 10, 2]], { kernelSize: 3, dilation: 2, padding: 'valid' }],
  ['depthwiseConv2d', [[10, 10, 2]], { kernelSize: 3, dilation: 2, depthMultiplier: 2 }],
  ['depthwiseConv2d', [IMAGE], { kernelSize: 3, useBias: false, activation: 'relu6' }],
  ['separableConv2d', [IMAGE], { filters: 4 }],
  ['separableConv2d', [IMAGE], { filters: 4, depthMultiplier: 2, padding: 'valid', strides: 2 }],
  ['separableConv2d', [[10, 10, 2]], { filters: 3, dilation: 2, padding: 'valid' }],
  ['separableConv2d', [IMAGE], { filters: 3, useBias: false }],
  ['maxPool2d', [[7, 7, 2]], { poolSize: 2, strides: 2 }],
  ['maxPool2d', [[7, 7, 2]], { poolSize: 3, strides: 2, padding: 'same' }],
  ['maxPool2d', [IMAGE], { poolSize: 3, strides: 1 }],
  ['avgPool2d', [[7, 7, 2]], { poolSize: 2, strides: 2 }],
  ['avgPool2d', [[7, 7, 2]], { poolSize: 3, strides: 2, padding: 'same' }],
  ['avgPool2d', [IMAGE], { poolSize: 2, strides: 1 }],
  ['globalAvgPool2d', [IMAGE], {}],
  ['globalMaxPool2d', [IMAGE], {}],
  ['batchNorm', [IMAGE], {}],
  ['batchNorm', [[12]], { momentum: 0.9, epsilon: 0.01 }],
  ['dropout', [IMAGE], { rate: 0.5 }],
  ['spatialDropout2d', [IMAGE], { rate: 0.3 }],
  ['flatten', [IMAGE], {}],
  ['dense', [[20]], { units: 10 }],
  ['dense', [[20]], { units: 3, useBias: false, activation: 'swish' }],
  ['activation', [IMAGE], { activation: 'leakyRelu', alpha: 0.1 }],
  ['activation', [IMAGE], { activation: 'elu', alpha: 0.5 }],
  ['activation', [IMAGE], { activation: 'elu', alpha: 1 }],
  ['activation', [[12]], { activation: 'softmax' }],
  ['add', [IMAGE, IMAGE], {}],
  ['add', [IMAGE, IMAGE, IMAGE], {}],
  [
    'concatenate',
    [
      [9, 7, 3],
      [9, 7, 5],
    ],
    {},
  ],
  ['concatenate', [[4], [6], [2]], {}],
  ['rescaling', [IMAGE], { scale: 1 / 255, offset: -0.5 }],
  ['zeroPadding2d', [IMAGE], { top: 1, bottom: 2, left: 0, right: 3 }],
];

describe("analyse's shapes and parameters equal tfjs's, layer by layer", () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  // A Pretrained base is no tfjs layer of its own; pretrained/apply-base.test.ts checks it.
  it('covers every layer kind but Input and Pretrained base', () => {
    const covered = new Set(CASES.map(([kind]) => kind));
    const others = LAYER_KINDS.filter((kind) => kind !== 'input' && kind !== 'pretrainedBase');
    expect(others.filter((kind) => !covered.has(kind))).toEqual([]);
  });

  it.each(CASES)('%s on %j with %j', (kind, inputs, config) => {
    const node = layer(kind, 'under_test', config as never) as LayerNode;
    const shapes: Shape[] = inputs.map((dims) => [null, ...dims]);
    const expected = inferNodeShape(node, shapes);
    if (isShapeProblem(expected)) throw new Error(expected.problem);
    if (node.kind === 'input' || node.kind === 'pretrainedBase') throw new Error('not a layer');

    const symbolic = inputs.map((dims) => tf.input({ shape: dims }));
    const tfLayer = makeLayer(node, 1);
    const output = tfLayer.apply(
      symbolic.length === 1 ? symbolic[0]! : symbolic,
    ) as tf.SymbolicTensor;
    expect(output.shape).toEqual(expected);
    expect(tfLayer.countParams()).toBe(nodeParams(node, shapes));

    // tfjs's declared shape can disagree with what it computes (DepthwiseConv2D ignores
    // dilation in both), so the real forward pass is checked too.
    const model = tf.model({ inputs: symbolic, outputs: output });
    const result = tf.tidy(() => {
      const xs = inputs.map((dims) => tf.randomNormal([2, ...dims]));
      const y = model.apply(xs.length === 1 ? xs[0]! : xs, { training: true }) as tf.Tensor;
      return y.shape;
    });
    expect(result).toEqual([2, ...expected.slice(1)]);
    model.dispose();
  });

  it.each(ACTIVATION_NAMES)('the %s activation exists in tfjs', (activation) => {
    const node = layer('activation', 'act', { activation: activation as never });
    expect(() => makeLayer(node, 1).apply(tf.input({ shape: [4] }))).not.toThrow();
  });
});
