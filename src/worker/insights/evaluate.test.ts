import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chain, layer } from '../../model/spec-builder';
import { answerInsight } from './index';
import { makeContext, makeDataset } from './test-fixtures';

/**
 * 1×1 "images" and a model that predicts class 1 exactly when the pixel is above 127.5:
 * logits (0, 10·(x − 0.5)).
 */
const spec = chain([
  layer('input', 'input', { shape: [1, 1, 1] }),
  layer('flatten', 'flatten'),
  layer('dense', 'out', { units: 2, activation: 'softmax' }),
]);
// Train: 2 examples; validation: the 6 below; test: 2.
const pixels = [0, 255, 10, 200, 30, 250, 100, 180, 20, 220];
const labels = [0, 1, 0, 0, 1, 1, 0, 1, 0, 1];

let ctx: ReturnType<typeof makeContext>;

beforeAll(async () => {
  await tf.setBackend('cpu');
  const dataset = makeDataset(
    { shape: [1, 1, 1], pixels: Uint8Array.from(pixels), labels: Uint8Array.from(labels) },
    2,
    6,
  );
  ctx = makeContext(spec, dataset);
  const weights = [tf.tensor2d([[0, 10]]), tf.tensor1d([0, -5])];
  ctx.model.getLayer('out').setWeights(weights);
  tf.dispose(weights);
});

afterAll(() => ctx.dispose());

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe('evaluate', () => {
  it('reports the confusion matrix, metrics and misclassified examples of a split', async () => {
    const result = await answerInsight(ctx, {
      kind: 'evaluate',
      requestId: 1,
      split: 'validation',
    });
    if (result.kind !== 'evaluation') throw new Error(result.kind);
    // Validation pixels 10, 200, 30, 250, 100, 180 → predicted 0, 1, 0, 1, 0, 1.
    expect(Array.from(result.predicted)).toEqual([0, 1, 0, 1, 0, 1]);
    expect(Array.from(result.labels)).toEqual([0, 0, 1, 1, 0, 1]);
    expect(result.confusion).toEqual([
      [2, 1],
      [1, 2],
    ]);
    expect(result.accuracy).toBeCloseTo(4 / 6);
    expect(result.perClass[0]).toEqual({
      precision: 2 / 3,
      recall: 2 / 3,
      f1: expect.closeTo(2 / 3, 6) as number,
      support: 3,
    });
    expect(result.macroF1).toBeCloseTo(2 / 3);
    // Index 2 (pixel 30, label 1) is the more confident mistake: p(0) = σ(10·(0.5 − 30/255)).
    expect(result.misclassified.map((m) => m.index)).toEqual([2, 1]);
    const [first] = result.misclassified;
    expect(first?.label).toBe(1);
    expect(first?.top[0]?.classIndex).toBe(0);
    expect(first?.top[0]?.p).toBeCloseTo(sigmoid(10 * (0.5 - 30 / 255)), 5);
    expect(first?.top).toHaveLength(2);
  });
});

describe('evaluate during a run', () => {
  it("shows the validation split at the latest epoch end, from that epoch's probabilities", async () => {
    // Every validation example given to class 1 at the epoch end, whatever the weights say now.
    const atEpochEnd = Float32Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? 0.2 : 0.8));
    const during = { ...ctx, validationAtEpochEnd: atEpochEnd };
    const validation = await answerInsight(during, {
      kind: 'evaluate',
      requestId: 7,
      split: 'validation',
    });
    if (validation.kind !== 'evaluation') throw new Error(validation.kind);
    expect(Array.from(validation.predicted)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(validation.accuracy).toBeCloseTo(3 / 6);
    // The test split is scored on the weights as they are.
    const test = await answerInsight(during, { kind: 'evaluate', requestId: 8, split: 'test' });
    if (test.kind !== 'evaluation') throw new Error(test.kind);
    expect(Array.from(test.predicted)).toEqual([0, 1]);
  });
});

describe('examples', () => {
  it('copies the pixels of the given split indices, in order', async () => {
    const result = await answerInsight(ctx, {
      kind: 'examples',
      requestId: 2,
      split: 'test',
      indices: [1, 0],
    });
    if (result.kind !== 'examples') throw new Error(result.kind);
    expect(Array.from(result.pixels)).toEqual([220, 20]);
    expect(result.shape).toEqual([1, 1, 1]);
    expect(result.pixels.buffer).not.toBe(ctx.dataset.host.pixels.buffer);
  });

  it('names the valid range for an index outside the split', async () => {
    await expect(
      answerInsight(ctx, { kind: 'examples', requestId: 3, split: 'test', indices: [2] }),
    ).rejects.toThrow('Image 2 does not exist: the test split has 2 images (0 to 1).');
  });
});

describe('predict', () => {
  it('scales uint8 pixels by 1/255 as training does', async () => {
    const result = await answerInsight(ctx, {
      kind: 'predict',
      requestId: 4,
      image: { source: 'pixels', pixels: Uint8Array.from([200]) },
    });
    if (result.kind !== 'prediction') throw new Error(result.kind);
    const p1 = sigmoid(10 * (200 / 255 - 0.5));
    expect(Array.from(result.probabilities)).toEqual([
      expect.closeTo(1 - p1, 5),
      expect.closeTo(p1, 5),
    ]);
  });

  it('predicts a split example by its index', async () => {
    const result = await answerInsight(ctx, {
      kind: 'predict',
      requestId: 5,
      image: { source: 'split', split: 'validation', index: 1 },
    });
    if (result.kind !== 'prediction') throw new Error(result.kind);
    expect(result.probabilities[1]).toBeCloseTo(sigmoid(10 * (200 / 255 - 0.5)), 5);
  });

  it('rejects pixels of the wrong size with the expected shape', async () => {
    await expect(
      answerInsight(ctx, {
        kind: 'predict',
        requestId: 6,
        image: { source: 'pixels', pixels: new Uint8Array(4) },
      }),
    ).rejects.toThrow('The image must be 1×1 with 1 channel (1 values); got 4 values.');
  });
});
