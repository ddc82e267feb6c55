import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SplitSource } from './device-data';
import { evaluate, evaluateByClass, evaluateWithProbabilities } from './evaluate';

/**
 * A split of `count` 2×2 images that records, at each batch, how many of the page's pings the
 * worker would have answered by then (a ping is answered from a zero-delay timer).
 */
function pingCountingSplit(count: number) {
  let answered = 0;
  const answeredAtBatch: number[] = [];
  const ping = () => setTimeout(() => answered++, 0);
  const split: SplitSource = {
    count,
    take: () => {
      throw new Error('not used');
    },
    range: (start, size) => {
      answeredAtBatch.push(answered);
      ping();
      // A batch takes a while, as it does on the CPU backend: the ping's timer is due after it.
      const until = performance.now() + 5;
      while (performance.now() < until);
      return {
        x: tf.fill([size, 2, 2, 1], start % 3),
        y: tf.tensor1d(
          Array.from({ length: size }, (_, i) => (start + i) % 2),
          'int32',
        ),
      };
    },
    dispose: () => {},
  };
  return { split, answeredAtBatch };
}

const model = () =>
  tf.sequential({
    layers: [
      tf.layers.flatten({ inputShape: [2, 2, 1] }),
      tf.layers.dense({ units: 2, activation: 'softmax' }),
    ],
  });

describe('passes over a split', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  // On the CPU backend every batch runs synchronously in the worker: without a turn of the
  // event loop between batches, a large network's whole split is one silence of minutes.
  it.each([
    ['evaluate', evaluate],
    ['evaluateByClass', evaluateByClass],
    ['evaluateWithProbabilities', evaluateWithProbabilities],
  ] as const)('%s lets the ping of each batch be answered before the next', async (_, pass) => {
    const net = model();
    const { split, answeredAtBatch } = pingCountingSplit(10);
    await pass(net, split, 2, 4);
    expect(answeredAtBatch).toEqual([0, 1, 2]);
    net.dispose();
  });
});
