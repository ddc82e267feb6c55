import * as tf from '@tensorflow/tfjs';
import { withTap } from './tap';

/**
 * Which score saliency differentiates: the pre-softmax logit when the output is a Dense or
 * Activation layer with softmax (every network the builder accepts), else the probability.
 * Logits are preferred because the softmax saturates: once a class is confidently predicted
 * the gradient of its probability vanishes and the map turns to noise.
 */
export type ScoreKind = 'logit' | 'probability';

export interface Scores {
  /** [batch, classes]: what saliency differentiates. */
  scores: tf.Tensor2D;
  /** [batch, classes]: the model's output. */
  probabilities: tf.Tensor2D;
  kind: ScoreKind;
}

/** The layer that produces the model's (single) output. */
export function outputLayer(model: tf.LayersModel): tf.layers.Layer {
  const [output] = model.outputs;
  if (!output) throw new Error('The model has no output');
  return output.sourceLayer;
}

/**
 * The pre-softmax logits of the output layer's input, or null when the output layer is not
 * a softmax Dense or Activation layer. Computed inside the tap because the model's executor
 * disposes intermediate tensors once the next layer has used them.
 */
function logitsOf(layer: tf.layers.Layer, inputs: tf.Tensor | tf.Tensor[]): tf.Tensor2D | null {
  const input = Array.isArray(inputs) ? inputs[0] : inputs;
  if (!input || layer.getConfig().activation !== 'softmax' || input.rank !== 2) return null;
  if (layer.getClassName() === 'Activation') return input.clone() as tf.Tensor2D;
  if (layer.getClassName() !== 'Dense') return null;
  // The layer's own variables (read, not copied), so gradients reach the input.
  const [kernel, bias] = layer.getWeights();
  if (!kernel) return null;
  const z: tf.Tensor2D = tf.matMul(input, kernel);
  return bias ? z.add<tf.Tensor2D>(bias) : z;
}

/**
 * Forward pass in inference mode returning scores and probabilities (call inside tidy/grad).
 * The output layer is tapped to emit logits instead of probabilities when it can; the
 * probabilities are then the softmax of those logits, which is what the layer computes.
 */
export function classScores(model: tf.LayersModel, x: tf.Tensor): Scores {
  const layer = outputLayer(model);
  const found: { kind: ScoreKind } = { kind: 'probability' };
  const output = withTap(
    layer,
    (out, inputs) => {
      const logits = logitsOf(layer, inputs);
      if (!logits) return out;
      found.kind = 'logit';
      return logits;
    },
    () => model.apply(x, { training: false }) as tf.Tensor2D,
  );
  return found.kind === 'logit'
    ? { scores: output, probabilities: tf.softmax(output), kind: 'logit' }
    : { scores: output, probabilities: output, kind: 'probability' };
}

/** The sum over the batch of class `classIndex`'s score: its gradient is per example. */
export function classScore(model: tf.LayersModel, x: tf.Tensor, classIndex: number): tf.Scalar {
  const { scores } = classScores(model, x);
  return scores.slice([0, classIndex], [-1, 1]).sum();
}
