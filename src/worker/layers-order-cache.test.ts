import * as tf from '@tensorflow/tfjs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { LAYERS_ORDER_CACHE, limitLayersOrderCache } from './layers-order-cache';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Builds `count` small networks one after another, as runs do; each predicts once. */
function buildAndPredict(count: number): WeakRef<tf.layers.Layer>[] {
  const refs: WeakRef<tf.layers.Layer>[] = [];
  for (let i = 0; i < count; i++) {
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3] })] });
    tf.tidy(() => model.predict(tf.zeros([1, 3])));
    model.dispose();
    refs.push(new WeakRef(model.layers[0]!));
  }
  return refs;
}

/** Whether the first network is still held once the garbage is collected. */
async function firstIsHeld(refs: WeakRef<tf.layers.Layer>[]): Promise<boolean> {
  // A WeakRef read in this task keeps its target until the task ends.
  await new Promise((resolve) => setTimeout(resolve, 0));
  collectGarbage();
  return refs[0]!.deref() !== undefined;
}

describe('the execution-order cache of tfjs-layers', () => {
  afterEach(() => tf.env().reset());

  it('by default holds each disposed network, so many runs keep many networks alive', async () => {
    tf.env().set('TOPOLOGICAL_SORT_CACHE_MAX_ENTRIES', 100);
    expect(await firstIsHeld(buildAndPredict(LAYERS_ORDER_CACHE + 4))).toBe(true);
  });

  it('limited, lets a network go once newer ones have run', async () => {
    limitLayersOrderCache();
    expect(await firstIsHeld(buildAndPredict(LAYERS_ORDER_CACHE + 4))).toBe(false);
  });
});
