import { chain, layer } from '../model/spec-builder';
import type { ModelSpec } from '../shared/model-spec';

/**
 * The smallest network that learns the six colour shapes (32×32×3): the engine tests train it
 * on the cpu backend in well under a second an epoch. `filters` widens it into another network.
 */
export function shapesNet(filters = 4): ModelSpec {
  return chain([
    layer('input', 'input', { shape: [32, 32, 3] }),
    layer('conv2d', 'conv', { filters, kernelSize: 3, activation: 'relu' }),
    layer('globalAvgPool2d', 'pool'),
    layer('dense', 'out', { units: 6, activation: 'softmax' }),
  ]);
}
