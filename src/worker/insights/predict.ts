import * as tf from '@tensorflow/tfjs';
import type { ImageRef, InsightResult } from '../../shared/insights';
import type { InsightContext } from './context';
import { imageBatch } from './image';
import { readAndDispose } from './read';

type Prediction = Extract<InsightResult, { kind: 'prediction' }>;

/** Class probabilities of one image, preprocessed exactly as in training. */
export async function predict(ctx: InsightContext, image: ImageRef): Promise<Prediction> {
  const probabilities = tf.tidy(() => {
    const x = imageBatch(ctx, [image]);
    return (ctx.model.predict(x) as tf.Tensor).reshape([-1]);
  });
  return { kind: 'prediction', probabilities: await readAndDispose(probabilities) };
}
