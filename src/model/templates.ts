import type { ModelSpec } from '../shared/model-spec';
import { chain, layer } from './spec-builder';

/**
 * The network the studio opens with: a small LeNet-style CNN for 28×28×1 MNIST digits and
 * 10 classes, quick enough to train live in front of a class.
 */
export function starterNetwork(): ModelSpec {
  const conv = { kernelSize: 5, strides: 1, padding: 'valid', activation: 'relu' } as const;
  return chain([
    layer('input', 'input', { shape: [28, 28, 1] }),
    layer('conv2d', 'conv1', { ...conv, filters: 8 }),
    layer('maxPool2d', 'pool1', { poolSize: 2, strides: 2 }),
    layer('conv2d', 'conv2', { ...conv, filters: 16 }),
    layer('maxPool2d', 'pool2', { poolSize: 2, strides: 2 }),
    layer('flatten', 'flatten'),
    layer('dense', 'dense1', { units: 64, activation: 'relu' }),
    layer('dropout', 'dropout', { rate: 0.25 }),
    layer('dense', 'output', { units: 10, activation: 'softmax' }),
  ]);
}
