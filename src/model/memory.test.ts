import { describe, expect, it } from 'vitest';
import { analyse, estimateTrainingMemory, trainingMemory } from './analyse';
import { chain, layer } from './spec-builder';
import { starterNetwork } from './templates';

describe('trainingMemory', () => {
  const analysis = analyse(starterNetwork(), { shape: [28, 28, 1], classes: 10 });

  it('adds weights, gradients, optimizer slots and twice the batch of activations', () => {
    const memory = trainingMemory(analysis, 32, 'adam');
    const weights = analysis.totalParams * 4;
    expect(memory).toEqual({
      weights,
      gradients: weights,
      optimizerState: 2 * weights,
      activations: analysis.totalActivationBytes * 32 * 2,
      total: 4 * weights + analysis.totalActivationBytes * 64,
    });
    expect(estimateTrainingMemory(analysis, 32, 'adam')).toBe(memory.total);
  });

  it('keeps no optimizer state for plain SGD and one velocity with momentum', () => {
    expect(trainingMemory(analysis, 1, 'sgd', 0).optimizerState).toBe(0);
    expect(trainingMemory(analysis, 1, 'sgd', 0.9).optimizerState).toBe(analysis.totalParams * 4);
  });

  it("gives BatchNorm's moving statistics no gradient", () => {
    const spec = chain([
      layer('input', 'input', { shape: [4, 4, 2] }),
      layer('batchNorm', 'bn'),
      layer('flatten', 'flat'),
      layer('dense', 'out', { units: 2, activation: 'softmax' }),
    ]);
    const bn = analyse(spec, { shape: [4, 4, 2], classes: 2 });
    expect(bn.params.bn).toBe(8);
    expect(bn.totalTrainableParams).toBe(bn.totalParams - 4);
    expect(trainingMemory(bn, 1, 'sgd', 0).gradients).toBe(bn.totalTrainableParams * 4);
  });
});
