import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModelSpec } from '../shared/model-spec';
import { chain, layer } from '../model/spec-builder';
import { buildModel, regularizationLoss } from './build-model';

const SHAPE: [number, number, number] = [6, 6, 2];

function makeSpec(extra: Parameters<typeof layer<'conv2d'>>[2] = {}): ModelSpec {
  return chain([
    layer('input', 'input', { shape: SHAPE }),
    layer('conv2d', 'conv', { filters: 3, ...extra }),
    layer('batchNorm', 'bn', { momentum: 0.5 }),
    layer('flatten', 'flat'),
    layer('dense', 'out', {
      units: 2,
      activation: 'softmax',
      kernelRegularizer: { l1: 0, l2: 0.5 },
    }),
  ]);
}

describe('what the custom training loop relies on', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it("updates BatchNorm's moving statistics in model.apply(x, { training: true }) inside minimize", () => {
    const model = buildModel(makeSpec(), { seed: 1 });
    const bn = model.getLayer('bn');
    const moving = () =>
      bn
        .getWeights()
        .slice(2)
        .map((w) => Array.from(w.dataSync()));
    const before = moving();
    const optimizer = tf.train.sgd(0.01);
    tf.tidy(() => {
      const x = tf.randomNormal([8, ...SHAPE], 3, 2, 'float32', 7);
      optimizer.minimize(() => (model.apply(x, { training: true }) as tf.Tensor).sum<tf.Scalar>());
    });
    const after = moving();
    expect(after[0]).not.toEqual(before[0]);
    expect(after[1]).not.toEqual(before[1]);
    // Predicting leaves them alone.
    tf.tidy(() => model.predict(tf.ones([2, ...SHAPE])));
    expect(moving()).toEqual(after);
    optimizer.dispose();
    model.dispose();
  });

  it('sums the L1/L2 penalties, which training then shrinks', () => {
    const model = buildModel(makeSpec({ kernelRegularizer: { l1: 0.1, l2: 0 } }), { seed: 2 });
    const penalty = () => tf.tidy(() => regularizationLoss(model)?.dataSync()[0] ?? 0);
    const [convKernel] = model.getLayer('conv').getWeights();
    const [denseKernel] = model.getLayer('out').getWeights();
    const expected = tf.tidy(
      () =>
        convKernel!.abs().sum().mul(0.1).dataSync()[0]! +
        denseKernel!.square().sum().mul(0.5).dataSync()[0]!,
    );
    expect(penalty()).toBeCloseTo(expected, 4);
    const start = penalty();
    const optimizer = tf.train.sgd(0.05);
    for (let i = 0; i < 5; i++) {
      tf.tidy(() => {
        optimizer.minimize(() => regularizationLoss(model) ?? tf.scalar(0));
      });
    }
    expect(penalty()).toBeLessThan(start);
    optimizer.dispose();
    model.dispose();
  });

  it('has no penalty when no layer is regularised', () => {
    const spec = chain([
      layer('input', 'input', { shape: SHAPE }),
      layer('flatten', 'flat'),
      layer('dense', 'out', { units: 2, activation: 'softmax' }),
    ]);
    const model = buildModel(spec, { seed: 1 });
    expect(regularizationLoss(model)).toBeNull();
    model.dispose();
  });
});
