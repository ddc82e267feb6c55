import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chain, layer } from '../../model/spec-builder';
import { buildModel } from '../build-model';
import { STEP_SHAPED_MAX, gradCam, gradCamRows, gradCamLayer, inputGradient } from './saliency';
import {
  SMOOTHGRAD_SAMPLES,
  gradCamMap,
  gradientMap,
  resizeBilinear,
  smoothGradient,
} from './saliency-maps';
import type { InsightContext } from './context';

/**
 * 3×3×1 input → 1×1 conv with 2 filters (weights 1 and 2, biases −0.5 and −0.4, ReLU) →
 * global average pooling → dense softmax with kernel W. With the logits z_c:
 *   A0 = relu(x − 0.5), A1 = relu(2x − 0.4), z_c = (W[0][c]·ΣA0 + W[1][c]·ΣA1) / 9,
 *   dz_c/dx = (W[0][c]·[x > 0.5] + 2·W[1][c]·[x > 0.2]) / 9.
 */
const W = [
  [1, -1],
  [0.5, 0.25],
];
const PIXELS = [0.1, 0.3, 0.6, 0.9, 0.15, 0.45, 0.7, 0.05, 1.0];

const spec = chain([
  layer('input', 'input', { shape: [3, 3, 1] }),
  layer('conv2d', 'conv', { filters: 2, kernelSize: 1, activation: 'relu' }),
  layer('globalAvgPool2d', 'gap'),
  layer('dense', 'out', { units: 2, activation: 'softmax' }),
]);

let model: tf.LayersModel;
let x: tf.Tensor4D;

beforeAll(async () => {
  await tf.setBackend('cpu');
  model = buildModel(spec, { seed: 1 });
  const weights = [
    tf.tensor4d([1, 2], [1, 1, 1, 2]),
    tf.tensor1d([-0.5, -0.4]),
    tf.tensor2d(W),
    tf.tensor1d([0, 0]),
  ];
  model.getLayer('conv').setWeights(weights.slice(0, 2));
  model.getLayer('out').setWeights(weights.slice(2));
  tf.dispose(weights);
  x = tf.tensor4d(PIXELS, [1, 3, 3, 1]);
});

afterAll(() => {
  model.dispose();
  x.dispose();
});

const near = (value: number, digits: number): unknown => expect.closeTo(value, digits);

const valuesOf = (t: tf.Tensor) => {
  const values = Array.from(t.dataSync());
  t.dispose();
  return values;
};

describe('vanilla gradient', () => {
  it('equals the hand-computed |d logit / d x|, scaled to a maximum of 1', () => {
    // Class 0: 2/9 where x > 0.5, 1/9 where 0.2 < x ≤ 0.5, else 0.
    const map0 = valuesOf(tf.tidy(() => gradientMap(inputGradient(model, 0)(x))));
    expect(map0).toEqual([0, 0.5, 1, 1, 0, 0.5, 1, 0, 1].map((v) => near(v, 5)));
    // Class 1: −0.5/9 where x > 0.5 and +0.5/9 where 0.2 < x ≤ 0.5: equal magnitudes.
    const map1 = valuesOf(tf.tidy(() => gradientMap(inputGradient(model, 1)(x))));
    expect(map1).toEqual([0, 1, 1, 1, 0, 1, 1, 0, 1].map((v) => near(v, 5)));
  });
});

/** Grad-CAM of the first image of `images`. */
async function camOf(layer: tf.layers.Layer, images: tf.Tensor4D, classIndex?: number) {
  const [found] = await gradCam(model, layer, images, classIndex);
  if (!found) throw new Error('no map');
  return found;
}

describe('Grad-CAM', () => {
  const context = () => ({ model, spec }) as unknown as InsightContext;

  it('defaults to the last conv layer', () => {
    expect(gradCamLayer(context()).name).toBe('conv');
  });

  it('equals ReLU(Σ mean-gradient · activation), by hand, for both classes', async () => {
    // Channel weights are W[k][c] / 9; the map is relu(Σ_k W[k][c]·A_k) / 9, scaled by its max.
    const layer = gradCamLayer(context());
    const cam0 = await camOf(layer, x, 0);
    const raw0 = [0, 0.1, 0.5, 1.1, 0, 0.25, 0.7, 0, 1.3];
    expect(Array.from(cam0.map)).toEqual(raw0.map((v) => near(v / 1.3, 5)));
    expect(cam0.classIndex).toBe(0);
    const cam1 = await camOf(layer, x, 1);
    const raw1 = [0, 0.05, 0.1, 0, 0, 0.125, 0.05, 0, 0];
    expect(Array.from(cam1.map)).toEqual(raw1.map((v) => near(v / 0.125, 5)));
    expect(cam1.classIndex).toBe(1);
  });

  it('without a class, maps the top class and returns the probabilities of the same pass', async () => {
    const layer = gradCamLayer(context());
    const probabilities = valuesOf(tf.tidy(() => model.predict(x) as tf.Tensor));
    const top = probabilities[1]! > probabilities[0]! ? 1 : 0;
    const found = await camOf(layer, x);
    expect(found.classIndex).toBe(top);
    expect(Array.from(found.probabilities)).toEqual(probabilities.map((p) => near(p, 6)));
    const forTop = await camOf(layer, x, top);
    expect(Array.from(found.map)).toEqual(Array.from(forTop.map));
  });

  it('over copies of the image gives what it gives for the image alone', async () => {
    const layer = gradCamLayer(context());
    const copies = x.tile<tf.Tensor4D>([5, 1, 1, 1]);
    for (const classIndex of [0, 1, undefined]) {
      const alone = await camOf(layer, x, classIndex);
      const batched = await camOf(layer, copies, classIndex);
      expect(batched.classIndex).toBe(alone.classIndex);
      expect(Array.from(batched.probabilities)).toEqual(
        Array.from(alone.probabilities).map((p) => near(p, 6)),
      );
      expect(Array.from(batched.map)).toEqual(Array.from(alone.map).map((v) => near(v, 5)));
    }
    copies.dispose();
  });

  it('of different images in one batch gives each its own, whatever pads the batch', async () => {
    const layer = gradCamLayer(context());
    const other = tf.tidy(() => tf.sub<tf.Tensor4D>(1, x));
    const batch = tf.concat([x, other, x, x]);
    const [first, second] = await gradCam(model, layer, batch, undefined, 2);
    const [alone, otherAlone] = [await camOf(layer, x), await camOf(layer, other)];
    expect(first?.classIndex).toBe(alone.classIndex);
    expect(second?.classIndex).toBe(otherAlone.classIndex);
    expect(Array.from(first?.map ?? [])).toEqual(Array.from(alone.map).map((v) => near(v, 5)));
    expect(Array.from(second?.map ?? [])).toEqual(
      Array.from(otherAlone.map).map((v) => near(v, 5)),
    );
    expect(Array.from(second?.probabilities ?? [])).toEqual(
      Array.from(otherAlone.probabilities).map((p) => near(p, 6)),
    );
    tf.dispose([other, batch]);
  });

  it("pads its batch to the step's on WebGL, else runs its images only", () => {
    expect(gradCamRows(32, 'webgl')).toBe(32);
    expect(gradCamRows(STEP_SHAPED_MAX, 'webgl')).toBe(STEP_SHAPED_MAX);
    expect(gradCamRows(STEP_SHAPED_MAX + 1, 'webgl')).toBe(1);
    expect(gradCamRows(undefined, 'webgl')).toBe(1);
    expect(gradCamRows(32, 'webgpu')).toBe(1);
    expect(gradCamRows(32, 'cpu')).toBe(1);
  });

  it('leaves the model as it was (no tap left behind) and no tensor behind', async () => {
    const layer = gradCamLayer(context());
    const before = tf.memory().numTensors;
    await gradCam(model, layer, x, 0);
    await gradCam(model, layer, x);
    expect(tf.memory().numTensors).toBe(before);
    expect(Object.prototype.hasOwnProperty.call(layer, 'call')).toBe(false);
  });

  it('rejects a layer without a spatial output', () => {
    expect(() => gradCamLayer(context(), 'out')).toThrow(/image-shaped/);
  });
});

describe('the Grad-CAM map on the host', () => {
  const random = (n: number, seed: number) =>
    Float32Array.from({ length: n }, (_, i) => Math.sin(seed * 7.3 + i * 1.7) * 2);

  it.each([
    [
      [3, 3],
      [3, 3],
    ],
    [
      [4, 4],
      [28, 28],
    ],
    [
      [7, 5],
      [28, 20],
    ],
    [
      [2, 3],
      [9, 4],
    ],
  ] as const)('resizes %j to %j as tf.image.resizeBilinear does', ([h, w], [height, width]) => {
    const map = random(h * w, h + w);
    const expected = valuesOf(
      tf.tidy(() => tf.image.resizeBilinear(tf.tensor4d(map, [1, h, w, 1]), [height, width])),
    );
    const resized = resizeBilinear(map, [h, w], [height, width]);
    expect(Array.from(resized)).toEqual(expected.map((v) => near(v, 5)));
  });

  it('equals the map computed with tensors: ReLU(Σ mean-gradient · activation), resized, scaled', () => {
    const [h, w, k] = [4, 3, 5];
    const activation = random(h * w * k, 1).map(Math.abs);
    const gradient = random(h * w * k, 2);
    const expected = valuesOf(
      tf.tidy(() => {
        const a = tf.tensor4d(activation, [1, h, w, k]);
        const g = tf.tensor4d(gradient, [1, h, w, k]);
        const cam = a
          .mul(g.mean([1, 2], true))
          .sum<tf.Tensor4D>(3, true)
          .relu<tf.Tensor4D>();
        const resized = tf.image.resizeBilinear(cam, [12, 9]);
        return resized.div(tf.maximum(resized.max(), 1e-12));
      }),
    );
    const map = gradCamMap(activation, gradient, [h, w, k], [12, 9]);
    expect(Math.max(...map)).toBeCloseTo(1, 6);
    expect(Array.from(map)).toEqual(expected.map((v) => near(v, 5)));
  });

  it('stays all zero when no channel weighs in (not NaN)', () => {
    const map = gradCamMap(new Float32Array(8), new Float32Array(8), [2, 2, 2], [4, 4]);
    expect(Array.from(map)).toEqual(new Array(16).fill(0));
  });
});

describe('SmoothGrad', () => {
  it(`averages exactly ${SMOOTHGRAD_SAMPLES} noisy copies`, () => {
    const batches: number[] = [];
    // Gradient of copy i is the constant i + 1, so the mean is (N + 1) / 2 only if all N count.
    const fake = (batch: tf.Tensor4D) => {
      batches.push(batch.shape[0]);
      const ramp = tf.range(1, batch.shape[0] + 1).reshape([-1, 1, 1, 1]);
      return tf.onesLike(batch).mul<tf.Tensor4D>(ramp);
    };
    const mean = valuesOf(tf.tidy(() => smoothGradient(x, fake)));
    expect(batches).toEqual([SMOOTHGRAD_SAMPLES]);
    expect(mean).toEqual(PIXELS.map(() => near((SMOOTHGRAD_SAMPLES + 1) / 2, 5)));
  });

  it('adds noise with σ = 0.15 · (max − min) of the image', () => {
    let spread = 0;
    const identity = (batch: tf.Tensor4D) => {
      spread = tf.tidy(() => tf.moments(batch.sub(x)).variance.sqrt().dataSync()[0] ?? 0);
      return tf.zerosLike(batch);
    };
    tf.tidy(() => smoothGradient(x, identity, 2000));
    expect(spread).toBeCloseTo(0.15 * (1.0 - 0.05), 2);
  });

  it('on the real model, matches vanilla where the noise cannot flip a ReLU', () => {
    const map = valuesOf(tf.tidy(() => gradientMap(smoothGradient(x, inputGradient(model, 0)))));
    expect(map).toHaveLength(9);
    expect(Math.max(...map)).toBeCloseTo(1, 5);
  });
});
