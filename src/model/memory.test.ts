import { describe, expect, it } from 'vitest';
import type { DatasetShape } from './analyse';
import { analyse, estimateTrainingMemory, trainingMemory } from './analyse';
import { memoryProblem, trainingMemoryBudget } from './memory';
import { chain, layer } from './spec-builder';
import { TEMPLATES, starterNetwork } from './templates';

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

describe('trainingMemoryBudget', () => {
  const GIB = 1024 ** 3;

  it('is a quarter of the reported device memory, at most 2 GiB, and 2 GiB when none is reported', () => {
    expect(trainingMemoryBudget(2)).toBe(0.5 * GIB);
    expect(trainingMemoryBudget(8)).toBe(2 * GIB);
    expect(trainingMemoryBudget(32)).toBe(2 * GIB);
    expect(trainingMemoryBudget(undefined)).toBe(2 * GIB);
    expect(trainingMemoryBudget(0)).toBe(2 * GIB);
  });

  it('leaves every template well inside it at the default batch, on digits and on colour images', () => {
    const datasets: DatasetShape[] = [
      { shape: [28, 28, 1], classes: 10 },
      { shape: [32, 32, 3], classes: 10 },
    ];
    // A device that reports 4 GiB; the templates must use under a quarter of its budget.
    const budget = trainingMemoryBudget(4);
    for (const template of TEMPLATES) {
      for (const dataset of datasets) {
        const analysis = analyse(template.build(dataset), dataset);
        expect(estimateTrainingMemory(analysis, 64, 'adam')).toBeLessThan(budget / 4);
      }
    }
  });
});

describe('memoryProblem', () => {
  const run = { batchSize: 64, optimizer: 'adam', momentum: 0.9 } as const;
  const budget = trainingMemoryBudget(8);
  const mnist: DatasetShape = { shape: [28, 28, 1], classes: 10 };

  /** The starter network with its hidden Dense layer given `units`. */
  function withDenseUnits(units: number) {
    const spec = starterNetwork();
    const dense = spec.nodes.find((node) => node.id === 'dense1');
    if (dense?.kind !== 'dense') throw new Error('The starter network has no dense1');
    dense.config = { ...dense.config, units };
    return spec;
  }

  it('has nothing to say about the starter network', () => {
    const spec = starterNetwork();
    expect(memoryProblem(spec, analyse(spec, mnist), run, budget)).toBeUndefined();
  });

  it('refuses Dense(1,000,000) on the layer, with the memory it needs and what to change', () => {
    const spec = withDenseUnits(1_000_000);
    const problem = memoryProblem(spec, analyse(spec, mnist), run, budget);
    expect(problem?.nodeId).toBe('dense1');
    expect(problem?.message).toBe(
      "dense1: training needs about 4.9 GB of memory at batch 64, more than the 2.0 GB a browser tab can give it. This layer holds 257,000,000 of the network's 267,003,434 parameters: give it fewer units or filters, or shrink its input with pooling first.",
    );
  });

  it('blames the largest layer output and the batch size when outputs take the memory', () => {
    const spec = chain([
      layer('input', 'input', { shape: [224, 224, 3] }),
      layer('conv2d', 'wide', { filters: 256, kernelSize: 3, padding: 'same' }),
      layer('globalAvgPool2d', 'gap'),
      layer('dense', 'out', { units: 10, activation: 'softmax' }),
    ]);
    const analysis = analyse(spec, { shape: [224, 224, 3], classes: 10 });
    const problem = memoryProblem(spec, analysis, { ...run, batchSize: 256 }, budget);
    expect(problem?.nodeId).toBe('wide');
    expect(problem?.message).toMatch(/at batch 256, .* lower the batch size/);
    expect(memoryProblem(spec, analysis, { ...run, batchSize: 1 }, budget)).toBeUndefined();
  });
});
