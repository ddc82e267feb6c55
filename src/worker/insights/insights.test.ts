import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageRef, InsightRequest } from '../../shared/insights';
import { histogram } from '../../shared/histogram';
import { chain, layer } from '../../model/spec-builder';
import { lossAndCorrect } from '../loss';
import { answerInsight } from './index';
import { featureMapRows, featureMaps } from './feature-maps';
import { imageBatch } from './image';
import { PROBE_BATCH } from './weights';
import { halvesDataset, makeContext, makeDataset } from './test-fixtures';

const spec = chain([
  layer('input', 'input', { shape: [6, 6, 1] }),
  {
    ...layer('conv2d', 'c1', { filters: 4, kernelSize: 3, padding: 'same', activation: 'linear' }),
    name: 'First conv',
  },
  layer('batchNorm', 'bn'),
  layer('activation', 'act', { activation: 'relu' }),
  layer('maxPool2d', 'pool', { poolSize: 2, strides: 2 }),
  layer('conv2d', 'c2', { filters: 3, kernelSize: 1, activation: 'relu' }),
  layer('flatten', 'flat'),
  layer('dense', 'hidden', { units: 8, activation: 'relu' }),
  layer('dense', 'out', { units: 2, activation: 'softmax' }),
]);

let ctx: ReturnType<typeof makeContext>;
const image = { source: 'split', split: 'validation', index: 3 } as const;

beforeAll(async () => {
  await tf.setBackend('cpu');
  ctx = makeContext(spec, makeDataset(halvesDataset(120), 40, 70));
});

afterAll(() => ctx.dispose());

describe('featureMaps', () => {
  it('returns every conv and pooling layer by default, without the batch dimension', async () => {
    const result = await answerInsight(ctx, { kind: 'featureMaps', requestId: 1, images: [image] });
    if (result.kind !== 'featureMaps') throw new Error(result.kind);
    expect(result.images[0]!.layers.map((l) => [l.layerId, l.name, l.output.shape])).toEqual([
      ['c1', 'First conv', [6, 6, 4]],
      ['pool', 'pool', [3, 3, 4]],
      ['c2', 'c2', [3, 3, 3]],
    ]);
    expect(result.images[0]!.layers[0]?.output.data).toHaveLength(6 * 6 * 4);
  });

  it('gives each layer its own output for the image, as a model of that layer computes it', async () => {
    const ids = ['c1', 'act', 'pool', 'c2', 'hidden'];
    const result = await answerInsight(ctx, {
      kind: 'featureMaps',
      requestId: 1,
      images: [image],
      layerIds: ids,
    });
    if (result.kind !== 'featureMaps') throw new Error(result.kind);
    const { x, y } = ctx.device.validation.range(image.index, 1);
    for (const [i, id] of ids.entries()) {
      const alone = tf.model({ inputs: ctx.model.inputs, outputs: ctx.model.getLayer(id).output });
      const expected = tf.tidy(() => Array.from((alone.predict(x) as tf.Tensor).dataSync()));
      expect(result.images[0]!.layers[i]?.layerId).toBe(id);
      expect(Array.from(result.images[0]!.layers[i]?.output.data ?? [])).toEqual(
        expected.map((v): unknown => expect.closeTo(v, 5)),
      );
    }
    tf.dispose([x, y]);
  });

  it('returns a dense layer asked for by id, as a strip of units', async () => {
    const result = await answerInsight(ctx, {
      kind: 'featureMaps',
      requestId: 2,
      images: [image],
      layerIds: ['hidden'],
    });
    if (result.kind !== 'featureMaps') throw new Error(result.kind);
    expect(result.images[0]!.layers[0]?.output.shape).toEqual([8]);
  });

  it('follows the live weights (the cached probe model shares them)', async () => {
    const ask = async () => {
      const result = await answerInsight(ctx, {
        kind: 'featureMaps',
        requestId: 3,
        images: [image],
        layerIds: ['c2'],
      });
      return result.kind === 'featureMaps'
        ? Array.from(result.images[0]!.layers[0]?.output.data ?? [])
        : [];
    };
    const before = await ask();
    const c2 = ctx.model.getLayer('c2');
    const old = c2.getWeights().map((w) => w.clone());
    const doubled = old.map((w) => w.mul(2));
    c2.setWeights(doubled);
    const after = await ask();
    c2.setWeights(old);
    tf.dispose([...old, ...doubled]);
    expect(after).toEqual(before.map((v): unknown => expect.closeTo(2 * v, 4)));
  });

  it('gives each image of one question its own maps, as when asked alone', async () => {
    const images: ImageRef[] = [
      { source: 'split', split: 'validation', index: 3 },
      { source: 'split', split: 'test', index: 5 },
      { source: 'pixels', pixels: new Uint8Array(6 * 6).fill(200) },
      image,
    ];
    const ask = async (asked: ImageRef[]) => {
      const result = await answerInsight(ctx, { kind: 'featureMaps', requestId: 5, images: asked });
      if (result.kind !== 'featureMaps') throw new Error(result.kind);
      return result.images.map((maps) => maps.layers.map((l) => Array.from(l.output.data)));
    };
    const together = await ask(images);
    expect(together).toHaveLength(images.length);
    for (const [i, one] of images.entries()) {
      const [alone] = await ask([one]);
      expect(together[i]).toEqual(
        alone?.map((layer) => layer.map((v): unknown => expect.closeTo(v, 5))),
      );
    }
  });

  it('gives each image the maps it gets alone when the batch is padded with the first', async () => {
    const images: ImageRef[] = [
      { source: 'split', split: 'validation', index: 3 },
      { source: 'split', split: 'validation', index: 8 },
      { source: 'split', split: 'validation', index: 21 },
    ];
    const values = (result: Awaited<ReturnType<typeof featureMaps>>) =>
      result.images.map((maps) => maps.layers.map((l) => Array.from(l.output.data)));
    const unpadded = values(await featureMaps(ctx, images, undefined, images.length));
    const before = tf.memory().numTensors;
    const padded = await featureMaps(ctx, images, undefined, 4);
    expect(tf.memory().numTensors).toBe(before);
    expect(padded.images).toHaveLength(3);
    expect(padded.images[0]?.layers.map((l) => l.output.shape)).toEqual([
      [6, 6, 4],
      [3, 3, 4],
      [3, 3, 3],
    ]);
    expect(values(padded)).toEqual(
      unpadded.map((maps) => maps.map((layer) => layer.map((v): unknown => expect.closeTo(v, 5)))),
    );
  });

  it('pads to a multiple of the pinned images on WebGL only, and never drawn pixels', () => {
    const split = (index: number): ImageRef => ({ source: 'split', split: 'validation', index });
    const drawn: ImageRef = { source: 'pixels', pixels: new Uint8Array(36) };
    expect(
      [1, 2, 3, 4, 5].map((n) =>
        featureMapRows(
          Array.from({ length: n }, (_, i) => split(i)),
          'webgl',
        ),
      ),
    ).toEqual([4, 4, 4, 4, 8]);
    expect(featureMapRows([split(0), split(1)], 'webgpu')).toBe(2);
    expect(featureMapRows([split(0)], 'cpu')).toBe(1);
    expect(featureMapRows([drawn], 'webgl')).toBe(1);
    expect(featureMapRows([split(0), drawn], 'webgl')).toBe(2);
  });

  it('asks about 1 to 64 images', async () => {
    const ask = (images: ImageRef[]) =>
      answerInsight(ctx, { kind: 'featureMaps', requestId: 6, images });
    await expect(ask([])).rejects.toThrow('Ask about 1 to 64 images at a time.');
    await expect(ask(new Array<ImageRef>(65).fill(image))).rejects.toThrow(
      'Ask about 1 to 64 images at a time.',
    );
    await expect(ask([image, { source: 'split', split: 'test', index: 999 }])).rejects.toThrow(
      'Image 999 does not exist',
    );
  });

  it('names an unknown layer', async () => {
    await expect(
      answerInsight(ctx, {
        kind: 'featureMaps',
        requestId: 4,
        images: [image],
        layerIds: ['nope'],
      }),
    ).rejects.toThrow("There is no layer 'nope' in the trained network.");
  });
});

describe('saliency', () => {
  it.each(['vanilla', 'smoothgrad', 'gradcam'] as const)(
    '%s returns an h×w map in [0, 1] and the probabilities',
    async (method) => {
      const result = await answerInsight(ctx, {
        kind: 'saliency',
        requestId: 5,
        images: [image],
        method,
      });
      if (result.kind !== 'saliency') throw new Error(result.kind);
      const [found] = result.maps;
      if (!found) throw new Error('no map');
      expect(found.map.shape).toEqual([6, 6]);
      expect(Math.min(...found.map.data)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...found.map.data)).toBeLessThanOrEqual(1);
      expect(found.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      const predicted = found.probabilities[1]! > found.probabilities[0]! ? 1 : 0;
      expect(found.classIndex).toBe(predicted);
    },
  );

  it.each(['vanilla', 'gradcam'] as const)(
    '%s of several images, from different splits and drawn, gives each what it gets alone',
    async (method) => {
      const drawn = {
        source: 'pixels',
        pixels: Uint8Array.from({ length: 36 }, (_, i) => i * 7),
      } as const;
      const images = [
        image,
        { source: 'split', split: 'validation', index: 9 },
        { source: 'split', split: 'train', index: 2 },
        drawn,
      ] as const;
      const ask = async (asked: readonly (typeof images)[number][]) => {
        const result = await answerInsight(ctx, {
          kind: 'saliency',
          requestId: 9,
          images: [...asked],
          method,
        });
        if (result.kind !== 'saliency') throw new Error(result.kind);
        return result.maps;
      };
      const together = await ask(images);
      expect(together).toHaveLength(images.length);
      for (const [i, one] of images.entries()) {
        const [alone] = await ask([one]);
        expect(together[i]?.classIndex).toBe(alone?.classIndex);
        expect(Array.from(together[i]?.probabilities ?? [])).toEqual(
          Array.from(alone?.probabilities ?? []).map((p): unknown => expect.closeTo(p, 6)),
        );
        expect(Array.from(together[i]?.map.data ?? [])).toEqual(
          Array.from(alone?.map.data ?? []).map((v): unknown => expect.closeTo(v, 5)),
        );
      }
    },
  );

  it('Grad-CAM on a chosen layer, resized to the input', async () => {
    const result = await answerInsight(ctx, {
      kind: 'saliency',
      requestId: 6,
      images: [image],
      method: 'gradcam',
      layerId: 'pool',
      classIndex: 1,
    });
    if (result.kind !== 'saliency') throw new Error(result.kind);
    expect(result.maps[0]?.classIndex).toBe(1);
    expect(result.maps[0]?.map.shape).toEqual([6, 6]);
  });

  it('rejects a class that does not exist, and asking about no image or too many', async () => {
    const ask = (images: ImageRef[], classIndex?: number) =>
      answerInsight(ctx, {
        kind: 'saliency',
        requestId: 7,
        images,
        method: 'vanilla',
        ...(classIndex === undefined ? {} : { classIndex }),
      });
    await expect(ask([image], 2)).rejects.toThrow('Class 2 does not exist: there are 2 classes.');
    await expect(ask([image, { source: 'split', split: 'test', index: 99 }])).rejects.toThrow(
      /Image 99 does not exist/,
    );
    await expect(ask([])).rejects.toThrow('Ask about 1 to 64 images at a time.');
    await expect(ask(new Array<ImageRef>(65).fill(image))).rejects.toThrow(
      'Ask about 1 to 64 images at a time.',
    );
  });
});

describe('the images an insight looks at', () => {
  const pixelsOf = (seed: number) => Uint8Array.from({ length: 36 }, (_, i) => (i * seed) % 256);
  const alone = (ref: ImageRef) => {
    const x = imageBatch(ctx, [ref]);
    const values = Array.from(x.dataSync());
    x.dispose();
    return values;
  };

  it('come in order, then the first again up to the rows asked, each as training scales it', () => {
    const other = { source: 'split', split: 'validation', index: 7 } as const;
    const batch = imageBatch(ctx, [image, other], 4);
    const { x, y } = ctx.device.validation.range(image.index, 1);
    expect(batch.shape).toEqual([4, 6, 6, 1]);
    const first = Array.from(x.dataSync());
    expect(alone(image)).toEqual(first);
    expect(Array.from(batch.dataSync())).toEqual([...first, ...alone(other), ...first, ...first]);
    tf.dispose([batch, x, y]);
  });

  it('mix splits and drawn pixels, never fewer rows than images', () => {
    const refs: ImageRef[] = [
      { source: 'pixels', pixels: pixelsOf(7) },
      { source: 'split', split: 'test', index: 1 },
      { source: 'pixels', pixels: pixelsOf(3) },
    ];
    const batch = imageBatch(ctx, refs, 1);
    expect(batch.shape).toEqual([3, 6, 6, 1]);
    expect(Array.from(batch.dataSync())).toEqual(refs.flatMap(alone));
    batch.dispose();
  });

  it('are refused with the reason when one is not there', () => {
    expect(() => imageBatch(ctx, [])).toThrow('Ask about at least one image.');
    expect(() =>
      imageBatch(ctx, [image, { source: 'split', split: 'validation', index: 999 }]),
    ).toThrow(/Image 999 does not exist/);
    expect(() => imageBatch(ctx, [{ source: 'pixels', pixels: new Uint8Array(3) }])).toThrow(
      /must be 6×6 with 1 channel/,
    );
  });
});

describe('weights', () => {
  it('histograms every kernel, measures dead ReLUs and returns the first filters', async () => {
    const result = await answerInsight(ctx, { kind: 'weights', requestId: 8 });
    if (result.kind !== 'weights') throw new Error(result.kind);
    const byId = new Map(result.layers.map((l) => [l.layerId, l]));
    expect([...byId.keys()]).toEqual(['c1', 'c2', 'hidden', 'out', 'act']);
    const c1 = byId.get('c1');
    expect(c1?.name).toBe('First conv');
    expect(c1?.weights.counts.reduce((a, b) => a + b, 0)).toBe(3 * 3 * 1 * 4);
    expect(c1?.gradients?.counts.reduce((a, b) => a + b, 0)).toBe(3 * 3 * 1 * 4);
    expect(c1?.deadReluFraction).toBeUndefined();
    for (const id of ['act', 'c2', 'hidden']) {
      const fraction = byId.get(id)?.deadReluFraction;
      expect(fraction).toBeGreaterThanOrEqual(0);
      expect(fraction).toBeLessThanOrEqual(1);
    }
    expect(result.firstLayerFilters?.shape).toEqual([3, 3, 1, 4]);
    const kernel = ctx.model.getLayer('c1').getWeights()[0]!;
    expect(Array.from(result.firstLayerFilters?.data ?? [])).toEqual(Array.from(kernel.dataSync()));
    expect(result.firstLayerFilters?.data.buffer).not.toBe(kernel.dataSync().buffer);
  });

  it('counts a ReLU unit as dead only when it is 0 for every probe image', async () => {
    const hidden = ctx.model.getLayer('hidden');
    const old = hidden.getWeights().map((w) => w.clone());
    // Kill units 0..3 with a large negative bias; units 4..7 are always on (positive bias).
    const [kernel] = old;
    const bias = tf.tensor1d([-1e3, -1e3, -1e3, -1e3, 1e3, 1e3, 1e3, 1e3]);
    hidden.setWeights([kernel!, bias]);
    const result = await answerInsight(ctx, { kind: 'weights', requestId: 9 });
    hidden.setWeights(old);
    tf.dispose([...old, bias]);
    if (result.kind !== 'weights') throw new Error(result.kind);
    expect(result.layers.find((l) => l.layerId === 'hidden')?.deadReluFraction).toBe(0.5);
    expect(PROBE_BATCH).toBe(64);
  });
});

describe('weights, probed at the step batch size', () => {
  /** The gradient histogram of each kernel layer, computed here on the first `n` images. */
  function expectedGradients(n: number): Map<string, ReturnType<typeof histogram>> {
    const kernels = ctx.model.layers.flatMap((l) =>
      l.weights
        .filter((w) => w.originalName.endsWith('kernel'))
        .map((w) => [l.name, w.read() as tf.Variable] as const),
    );
    const { x, y } = ctx.device.validation.range(0, n);
    const { grads } = tf.variableGrads(
      () => {
        const probs = ctx.model.apply(x, { training: false }) as tf.Tensor2D;
        return lossAndCorrect(probs, y, ctx.device.classes).lossSum.div<tf.Scalar>(n);
      },
      kernels.map(([, w]) => w),
    );
    // Frozen kernels have no gradient.
    const byLayer = new Map(
      kernels.flatMap(([id, w]) => {
        const g = grads[w.name];
        return g ? [[id, histogram(g.dataSync())] as const] : [];
      }),
    );
    tf.dispose([x, y, grads]);
    return byLayer;
  }

  it('takes as many validation images as a training step, within the probe range', async () => {
    // The fixture has 70 validation images: 40 is a step's batch, 5 and 300 fall back to 64.
    for (const [stepBatchSize, probed] of [
      [40, 40],
      [5, 64],
      [300, 64],
    ] as const) {
      const result = await answerInsight(
        { ...ctx, stepBatchSize },
        { kind: 'weights', requestId: 10 },
      );
      if (result.kind !== 'weights') throw new Error(result.kind);
      const expected = expectedGradients(probed);
      for (const [id, gradients] of expected) {
        const got = result.layers.find((l) => l.layerId === id)?.gradients;
        expect(got?.counts).toEqual(gradients.counts);
        expect(got?.min).toBeCloseTo(gradients.min, 5);
        expect(got?.max).toBeCloseTo(gradients.max, 5);
      }
    }
  });

  it('shows no gradients for frozen kernels, and answers when every kernel is frozen', async () => {
    const frozen = ['c1', 'hidden'];
    for (const id of frozen) ctx.model.getLayer(id).trainable = false;
    try {
      const some = await answerInsight(ctx, { kind: 'weights', requestId: 11 });
      if (some.kind !== 'weights') throw new Error(some.kind);
      const withGradients = some.layers.filter((l) => l.gradients).map((l) => l.layerId);
      expect(withGradients).toEqual(['c2', 'out']);
      // Every layer's weights, and the trainable ones' gradients, read from the right place.
      for (const [id, gradients] of expectedGradients(64)) {
        expect(some.layers.find((l) => l.layerId === id)?.gradients).toEqual(gradients);
      }
      for (const l of some.layers.filter((l) => l.weights.counts.some((c) => c > 0))) {
        const kernel = ctx.model.getLayer(l.layerId).getWeights()[0]!;
        expect(l.weights).toEqual(histogram(kernel.dataSync()));
      }
      for (const layer of ctx.model.layers) layer.trainable = false;
      const none = await answerInsight(ctx, { kind: 'weights', requestId: 12 });
      if (none.kind !== 'weights') throw new Error(none.kind);
      expect(none.layers.filter((l) => l.gradients)).toEqual([]);
      expect(none.layers.find((l) => l.layerId === 'c1')?.weights.counts.length).toBeGreaterThan(0);
      expect(none.layers.find((l) => l.layerId === 'act')?.deadReluFraction).toBeGreaterThanOrEqual(
        0,
      );
    } finally {
      for (const layer of ctx.model.layers) layer.trainable = true;
    }
  });
});

describe('leaks', () => {
  const requests: InsightRequest[] = [
    { kind: 'evaluate', requestId: 0, split: 'validation' },
    { kind: 'examples', requestId: 0, split: 'train', indices: [0, 5, 9] },
    { kind: 'featureMaps', requestId: 0, images: [image] },
    { kind: 'saliency', requestId: 0, images: [image], method: 'vanilla' },
    { kind: 'saliency', requestId: 0, images: [image], method: 'smoothgrad' },
    { kind: 'saliency', requestId: 0, images: [image], method: 'gradcam' },
    { kind: 'weights', requestId: 0 },
    { kind: 'predict', requestId: 0, image: { source: 'pixels', pixels: new Uint8Array(36) } },
    // Failing requests must not leak either.
    { kind: 'predict', requestId: 0, image: { source: 'pixels', pixels: new Uint8Array(3) } },
    { kind: 'saliency', requestId: 0, images: [image], method: 'gradcam', layerId: 'out' },
    {
      kind: 'saliency',
      requestId: 0,
      images: [image, { source: 'split', split: 'validation', index: 999 }],
      method: 'vanilla',
    },
  ];

  it.each(requests.map((r) => [r.kind + ('method' in r ? ` ${r.method}` : ''), r] as const))(
    '%s: numTensors unchanged after 100 requests',
    async (_, request) => {
      // Cached probe models own no tensors, so even the first request must leave none.
      const before = tf.memory().numTensors;
      for (let i = 0; i < 100; i++) await answerInsight(ctx, request).catch(() => null);
      expect(tf.memory().numTensors).toBe(before);
    },
    30_000,
  );
});
