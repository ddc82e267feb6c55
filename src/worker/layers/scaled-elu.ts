import * as tf from '@tensorflow/tfjs';

/**
 * ELU with any alpha: x for x > 0, alpha·(eˣ − 1) below. tfjs 4.22's ELU layer throws for
 * any alpha but 1 ("not supported ... yet"), while Keras' takes any, so the studio uses
 * this layer when alpha ≠ 1. Its own class name makes a saved model fail loudly, not
 * silently differ, where it is not registered.
 */
export class ScaledElu extends tf.layers.Layer {
  static readonly className = 'LayerwiseScaledELU';
  readonly alpha: number;

  constructor(args: { name?: string; alpha: number }) {
    super(args.name === undefined ? {} : { name: args.name });
    this.alpha = args.alpha;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      if (!x) throw new Error(`${this.name} got no input`);
      // elu(x) = eˣ − 1 below zero, so scaling it scales exactly the negative side.
      return tf.where(tf.greater(x, 0), x, tf.mul(tf.elu(x), this.alpha));
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), alpha: this.alpha };
  }
}

tf.serialization.registerClass(ScaledElu);
