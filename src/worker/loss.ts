import * as tf from '@tensorflow/tfjs';

// Keeps log() finite when a probability underflows to 0, as Keras does.
const EPSILON = 1e-7;

/**
 * Summed categorical cross-entropy and number of correct predictions of one batch, from the
 * model's softmax output and integer labels. Sums, not means, so windows of different batch
 * sizes add up exactly.
 */
export function lossAndCorrect(
  probs: tf.Tensor2D,
  labels: tf.Tensor1D,
  classes: number,
): { lossSum: tf.Scalar; correct: tf.Scalar } {
  const oneHot = tf.oneHot(labels, classes).toFloat();
  const lossSum = tf.neg(tf.sum(tf.mul(oneHot, tf.log(tf.clipByValue(probs, EPSILON, 1)))));
  const correct = tf.sum(tf.equal(tf.argMax(probs, 1), labels).toFloat());
  return { lossSum: lossSum as tf.Scalar, correct: correct as tf.Scalar };
}
