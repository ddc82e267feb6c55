import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LayerNode, ModelSpec, Shape } from '../shared/model-spec';
import { analyse } from '../model/analyse';
import { inferNodeShape, isShapeProblem } from '../model/layers';
import { layer } from '../model/spec-builder';
import { buildModel } from './build-model';

/** One random step of a network: which block, and small numbers to fill in its settings. */
interface Step {
  op: number;
  a: number;
  b: number;
  flag: boolean;
}

const step = fc.record({
  op: fc.nat(99),
  a: fc.nat(5),
  b: fc.nat(5),
  flag: fc.boolean(),
});

const ACTIVATIONS = ['relu', 'elu', 'leakyRelu', 'tanh', 'sigmoid', 'swish', 'gelu'] as const;

/**
 * Grows a valid spec step by step: image blocks (with skip connections and branches), then
 * a way down to a flat vector, flat blocks, and a softmax classifier. A step whose layers
 * would not fit the current shape is skipped, so every spec is valid by construction.
 */
class Grower {
  readonly nodes: LayerNode[] = [];
  readonly edges: ModelSpec['edges'] = [];
  private readonly shapes = new Map<string, Shape>();
  private count = 0;
  head: string;

  constructor(shape: [number, number, number]) {
    this.head = this.put(layer('input', 'input', { shape }), []) ?? 'input';
  }

  get shape(): Shape {
    return this.shapes.get(this.head) ?? [];
  }

  /** Adds `node` wired from `from`, or nothing (returning undefined) when it does not fit. */
  put(node: LayerNode, from: string[]): string | undefined {
    const inputs = from.map((id) => this.shapes.get(id) ?? []);
    const shape = inferNodeShape(node, inputs);
    if (isShapeProblem(shape)) return undefined;
    this.nodes.push(node);
    from.forEach((source, port) =>
      this.edges.push(
        from.length > 1 ? { from: source, to: node.id, port } : { from: source, to: node.id },
      ),
    );
    this.shapes.set(node.id, shape);
    return node.id;
  }

  id(kind: string): string {
    return `${kind}_${++this.count}`;
  }

  /** Appends a one-input layer to the head, if it fits. */
  then(node: LayerNode): void {
    const id = this.put(node, [this.head]);
    if (id) this.head = id;
  }

  imageStep({ op, a, b, flag }: Step): void {
    const padding = flag ? 'same' : 'valid';
    const strides = 1 + (a % 2);
    const dilation = strides === 1 ? 1 + (b % 2) : 1;
    const kernelSize = 1 + (b % 3);
    const channels = Number(this.shape.at(-1));
    const choice = op % 13;
    if (choice === 0)
      this.then(
        layer('conv2d', this.id('conv'), {
          filters: 1 + a,
          kernelSize,
          strides,
          padding,
          dilation,
          useBias: flag,
        }),
      );
    else if (choice === 1)
      this.then(
        layer('depthwiseConv2d', this.id('dw'), {
          depthMultiplier: 1 + (a % 2),
          kernelSize,
          strides,
          padding,
          dilation,
        }),
      );
    else if (choice === 2)
      this.then(
        layer('separableConv2d', this.id('sep'), {
          filters: 1 + b,
          depthMultiplier: 1 + (a % 2),
          kernelSize,
          strides,
          padding,
          dilation,
        }),
      );
    else if (choice === 3)
      this.then(
        layer('maxPool2d', this.id('max'), {
          poolSize: 1 + (a % 3),
          strides: 1 + (b % 2),
          padding,
        }),
      );
    else if (choice === 4)
      this.then(
        layer('avgPool2d', this.id('avg'), {
          poolSize: 1 + (a % 3),
          strides: 1 + (b % 2),
          padding,
        }),
      );
    else if (choice === 5) this.then(layer('batchNorm', this.id('bn')));
    else if (choice === 6) this.then(layer('spatialDropout2d', this.id('sdrop'), { rate: a / 10 }));
    else if (choice === 7)
      this.then(
        layer('zeroPadding2d', this.id('pad'), {
          top: a % 2,
          bottom: b % 3,
          left: b % 2,
          right: a % 3,
        }),
      );
    else if (choice === 8)
      this.then(layer('rescaling', this.id('scale'), { scale: 0.5, offset: a }));
    else if (choice === 9)
      this.then(
        layer('activation', this.id('act'), {
          activation: ACTIVATIONS[a % ACTIVATIONS.length] ?? 'relu',
          alpha: 0.2,
        }),
      );
    else if (choice === 10 || choice === 11) {
      // A residual block: a shape-keeping convolution added back onto its input.
      const start = this.head;
      const conv = this.put(
        layer('conv2d', this.id('res'), { filters: channels, kernelSize, padding: 'same' }),
        [start],
      );
      const sum = conv && this.put(layer('add', this.id('add')), [conv, start]);
      if (sum) this.head = sum;
    } else {
      // Two branches stacked along the channels.
      const start = this.head;
      const left = this.put(
        layer('conv2d', this.id('left'), { filters: 1 + a, kernelSize, padding: 'same' }),
        [start],
      );
      const right = this.put(
        layer('maxPool2d', this.id('right'), {
          poolSize: 1 + (b % 3),
          strides: 1,
          padding: 'same',
        }),
        [start],
      );
      const joined = left && right && this.put(layer('concatenate', this.id('cat')), [left, right]);
      if (joined) this.head = joined;
    }
  }

  flatten(op: number): void {
    const kind = (['flatten', 'globalAvgPool2d', 'globalMaxPool2d'] as const)[op % 3] ?? 'flatten';
    this.then(layer(kind, this.id(kind)));
  }

  flatStep({ op, a, b, flag }: Step): void {
    const choice = op % 5;
    if (choice === 0)
      this.then(layer('dense', this.id('dense'), { units: 1 + a + b, useBias: flag }));
    else if (choice === 1) this.then(layer('dropout', this.id('drop'), { rate: a / 10 }));
    else if (choice === 2) this.then(layer('batchNorm', this.id('bn')));
    else if (choice === 3)
      this.then(
        layer('activation', this.id('act'), {
          activation: ACTIVATIONS[a % ACTIVATIONS.length] ?? 'relu',
          alpha: 0.3,
        }),
      );
    else {
      const start = this.head;
      const units = 1 + a;
      const left = this.put(layer('dense', this.id('dl'), { units }), [start]);
      const right = this.put(layer('dense', this.id('dr'), { units: flag ? units : 1 + b }), [
        start,
      ]);
      const kind = flag ? 'add' : 'concatenate';
      const joined = left && right && this.put(layer(kind, this.id(kind)), [left, right]);
      if (joined) this.head = joined;
    }
  }
}

const network = fc
  .record({
    height: fc.integer({ min: 4, max: 12 }),
    width: fc.integer({ min: 4, max: 12 }),
    channels: fc.integer({ min: 1, max: 3 }),
    classes: fc.integer({ min: 2, max: 5 }),
    image: fc.array(step, { minLength: 1, maxLength: 6 }),
    down: fc.nat(2),
    flat: fc.array(step, { maxLength: 3 }),
  })
  .map(({ height, width, channels, classes, image, down, flat }) => {
    const grower = new Grower([height, width, channels]);
    image.forEach((s) => grower.imageStep(s));
    grower.flatten(down);
    flat.forEach((s) => grower.flatStep(s));
    grower.then(layer('dense', 'output', { units: classes, activation: 'softmax' }));
    const spec: ModelSpec = { nodes: grower.nodes, edges: grower.edges };
    return {
      spec,
      dataset: { shape: [height, width, channels] as [number, number, number], classes },
    };
  });

describe('random valid specs', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('compile to tfjs models whose parameters and shapes match analyse', () => {
    let merges = 0;
    fc.assert(
      fc.property(network, ({ spec, dataset }) => {
        const analysis = analyse(spec, dataset);
        expect(analysis.problems).toEqual([]);
        merges += spec.nodes.filter((n) => n.kind === 'add' || n.kind === 'concatenate').length;
        const model = buildModel(spec, {
          seed: 1,
          inputShape: dataset.shape,
          classes: dataset.classes,
        });
        try {
          expect(model.countParams()).toBe(analysis.totalParams);
          expect(model.outputs[0]?.shape).toEqual([null, dataset.classes]);
          for (const id of analysis.order) {
            expect(model.getLayer(id).outputShape, id).toEqual(analysis.shapes[id]);
          }
          const out = tf.tidy(() => model.predict(tf.ones([1, ...dataset.shape])) as tf.Tensor);
          expect(out.shape).toEqual([1, dataset.classes]);
          out.dispose();
        } finally {
          model.dispose();
        }
      }),
      { numRuns: 150 },
    );
    // The generator must exercise skip connections and branches, not only chains.
    expect(merges).toBeGreaterThan(10);
  }, 30_000);
});
