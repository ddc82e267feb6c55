import * as tf from '@tensorflow/tfjs';
import type { ActivationName, InitializerName, Padding } from '../../shared/model-spec';
import { makeInitializer, makeRegularizer } from '../layer-options';

/** Plain-JSON settings, so `getConfig` round-trips through model.json unchanged. */
export interface DilatedDepthwiseConv2DArgs {
  name?: string;
  kernelSize: number;
  depthMultiplier: number;
  strides: number;
  padding: Padding;
  dilation: number;
  activation: ActivationName;
  useBias: boolean;
  initializer: InitializerName;
  seed: number;
  l1: number;
  l2: number;
}

/**
 * DepthwiseConv2D that honours its dilation. tfjs 4.22's own DepthwiseConv2D accepts a
 * `dilationRate` but ignores it in both `call` and `computeOutputShape` (a TODO in its
 * source), so a dilated depthwise layer would silently compute something else. The studio
 * uses this layer only when dilation > 1; it has its own class name so that a saved model
 * fails loudly, rather than predicting differently, wherever it is not registered.
 */
export class DilatedDepthwiseConv2D extends tf.layers.Layer {
  static readonly className = 'LayerwiseDilatedDepthwiseConv2D';
  private readonly args: DilatedDepthwiseConv2DArgs;
  private readonly activationLayer: tf.layers.Layer;
  private kernel: tf.LayerVariable | null = null;
  private bias: tf.LayerVariable | null = null;

  constructor(args: DilatedDepthwiseConv2DArgs) {
    super(args.name === undefined ? {} : { name: args.name });
    this.args = { ...args };
    this.activationLayer = tf.layers.activation({ activation: args.activation });
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const channels = channelsOf(inputShape);
    const { kernelSize, depthMultiplier, initializer, seed, l1, l2 } = this.args;
    this.kernel = this.addWeight(
      'depthwise_kernel',
      [kernelSize, kernelSize, channels, depthMultiplier],
      'float32',
      makeInitializer(initializer, seed),
      makeRegularizer({ l1, l2 }),
    );
    if (this.args.useBias) {
      this.bias = this.addWeight(
        'bias',
        [channels * depthMultiplier],
        'float32',
        tf.initializers.zeros(),
      );
    }
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = soleShape(inputShape);
    const { kernelSize, strides, padding, dilation, depthMultiplier } = this.args;
    const reach = kernelSize + (kernelSize - 1) * (dilation - 1);
    const length = (n: number | null) => {
      if (n === null) return null;
      return padding === 'same' ? Math.ceil(n / strides) : Math.floor((n - reach) / strides) + 1;
    };
    return [
      shape[0] ?? null,
      length(shape[1] ?? null),
      length(shape[2] ?? null),
      channelsOf(shape) * depthMultiplier,
    ];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor4D;
      if (!this.kernel) throw new Error(`${this.name} was called before it was built`);
      const { strides, padding, dilation } = this.args;
      let y: tf.Tensor = tf.depthwiseConv2d(
        x,
        this.kernel.read() as tf.Tensor4D,
        strides,
        padding,
        'NHWC',
        dilation,
      );
      if (this.bias) y = tf.add(y, this.bias.read());
      return this.activationLayer.apply(y) as tf.Tensor;
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    // The base config carries the name; the rest are this layer's plain-JSON settings.
    const settings: Partial<DilatedDepthwiseConv2DArgs> = { ...this.args };
    delete settings.name;
    return { ...super.getConfig(), ...settings };
  }
}

tf.serialization.registerClass(DilatedDepthwiseConv2D);

function soleShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
  const first = inputShape[0];
  return (Array.isArray(first) ? first : inputShape) as tf.Shape;
}

function channelsOf(inputShape: tf.Shape | tf.Shape[]): number {
  const channels = soleShape(inputShape)[3];
  if (typeof channels !== 'number') throw new Error('DepthwiseConv2D needs known channels');
  return channels;
}
