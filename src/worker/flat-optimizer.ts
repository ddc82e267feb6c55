import * as tf from '@tensorflow/tfjs';
import { setLearningRate } from './optimizer';

/** A tensor with its name, as tfjs's optimizers take and give their state. */
type NamedTensor = { name: string; tensor: tf.Tensor };

/** Where one weight sits in the flat vector. */
interface Segment {
  weight: tf.Variable;
  offset: number;
}

/**
 * An optimizer that updates all of a model's weights in one step over a single flat vector.
 *
 * tfjs's optimizers update each weight on its own: Adam runs about fourteen element-wise
 * kernels per weight, so the starter network's eight weights cost over a hundred kernels a
 * step, nearly as many as its forward and backward passes. Here the weights and their
 * gradients are joined into one vector, the wrapped optimizer updates that vector with the
 * same arithmetic element by element, and the weights are cut back out of it: about twenty
 * kernels whatever the number of weights. Where that pays depends on the backend
 * (`joinsWeightUpdates` in backend-tuning.ts).
 *
 * The weights stay the model's own variables and are read afresh each step, so anything
 * that sets them between steps (a restored checkpoint) is honoured. The state it reads and
 * writes is the wrapped optimizer's, one entry per weight in tfjs's order, so checkpoints
 * saved with either form load into the other.
 */
export class FlatOptimizer extends tf.Optimizer {
  static readonly className = 'FlatOptimizer';
  /** The weights joined, as the wrapped optimizer's one variable. */
  private readonly flat: tf.Variable | null;
  private readonly segments: Segment[] = [];

  constructor(
    private readonly inner: tf.Optimizer,
    private readonly weights: readonly tf.Variable[],
  ) {
    super();
    let offset = 0;
    for (const weight of weights) {
      this.segments.push({ weight, offset });
      offset += weight.size;
    }
    if (!weights.length) {
      this.flat = null;
      return;
    }
    const start = tf.tidy(() => this.joined(weights));
    this.flat = tf.variable(start, false);
    start.dispose();
  }

  /** The wrapped optimizer's learning rate. */
  get learningRate(): number {
    return (this.inner as unknown as { learningRate: number }).learningRate;
  }

  setLearningRate(value: number): void {
    setLearningRate(this.inner, value);
  }

  /**
   * One step for every weight. A weight without a gradient takes a zero one, so its moments
   * decay as the others' do (tfjs would leave it out of the step; a network built from a
   * spec has none).
   */
  applyGradients(gradients: tf.NamedTensorMap | NamedTensor[]): void {
    const { flat } = this;
    if (!flat) return;
    const byName = Array.isArray(gradients)
      ? Object.fromEntries(gradients.map(({ name, tensor }) => [name, tensor]))
      : gradients;
    tf.tidy(() => {
      flat.assign(this.joined(this.weights));
      const gradient = this.joined(this.weights.map((w) => byName[w.name] ?? tf.zerosLike(w)));
      this.inner.applyGradients({ [flat.name]: gradient });
      for (const { weight, offset } of this.segments) {
        weight.assign(flat.slice(offset, weight.size).reshape(weight.shape));
      }
    });
  }

  /** The wrapped optimizer's state, cut into one entry per weight as tfjs's own would be. */
  override async getWeights(): Promise<NamedTensor[]> {
    const [iterations, ...joined] = await this.inner.getWeights();
    if (!iterations || !this.flat) return iterations ? [iterations] : [];
    const flatName = this.flat.name;
    return [
      iterations,
      ...tf.tidy(() =>
        joined.flatMap(({ name, tensor }) => {
          const suffix = name.slice(flatName.length);
          return this.segments.map(({ weight, offset }) => ({
            name: `${weight.name}${suffix}`,
            tensor: tensor.slice(offset, weight.size).reshape(weight.shape),
          }));
        }),
      ),
    ];
  }

  /** Takes a state in tfjs's per-weight form (the step count, then one group per kind of value). */
  override async setWeights(values: NamedTensor[]): Promise<void> {
    const [iterations, ...perWeight] = values;
    if (!iterations) return;
    const count = this.weights.length;
    const fits =
      count > 0
        ? perWeight.length % count === 0 &&
          perWeight.every(({ tensor }, i) => tensor.size === this.weights[i % count]!.size)
        : perWeight.length === 0;
    if (!fits) throw new Error('The saved optimizer state does not fit this network’s weights.');
    const flatName = this.flat?.name ?? '';
    const joined = tf.tidy(() =>
      Array.from({ length: perWeight.length / Math.max(count, 1) }, (_, group) => {
        const members = perWeight.slice(group * count, (group + 1) * count);
        // tfjs names each value `<weight>/<kind>`; the weight's name may have changed since.
        const first = members[0]!.name;
        const suffix = first.slice(first.lastIndexOf('/'));
        return { name: `${flatName}${suffix}`, tensor: this.joined(members.map((m) => m.tensor)) };
      }),
    );
    try {
      await this.inner.setWeights([iterations, ...joined]);
    } finally {
      // setWeights keeps copies (as variables), never the given tensors.
      for (const { tensor } of joined) tensor.dispose();
    }
  }

  override dispose(): void {
    this.inner.dispose();
    this.flat?.dispose();
  }

  getConfig(): tf.serialization.ConfigDict {
    return this.inner.getConfig();
  }

  /** The tensors' values end to end, as one vector. */
  private joined(tensors: readonly tf.Tensor[]): tf.Tensor1D {
    return tf.concat<tf.Tensor1D>(tensors.map((t) => t.reshape([-1])));
  }
}
