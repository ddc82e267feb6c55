import * as tf from '@tensorflow/tfjs';
import type { ImageRef, InsightResult } from '../../shared/insights';
import type { NodeId } from '../../shared/model-spec';
import type { InsightContext } from './context';
import { InsightError, featureMapLayerIds, kindOf, layerById, nameOf } from './context';
import { imageBatch } from './image';
import { probe } from './probe-model';
import { readAndDispose } from './read';

type FeatureMaps = Extract<InsightResult, { kind: 'featureMaps' }>;

/**
 * What the given layers (conv and pooling layers when none are given) output for one image.
 * Shapes drop the batch dimension: [h, w, channels] for spatial layers, [units] for dense.
 */
export async function featureMaps(
  ctx: InsightContext,
  image: ImageRef,
  layerIds?: NodeId[],
): Promise<FeatureMaps> {
  const ids = layerIds ?? featureMapLayerIds(ctx);
  for (const id of ids) {
    layerById(ctx, id);
    if (kindOf(ctx, id) === 'input') {
      throw new InsightError(`'${id}' is the input; its "feature map" is the image itself.`);
    }
  }
  if (ids.length === 0) return { kind: 'featureMaps', layers: [] };
  const outputs = tf.tidy(() => {
    const x = imageBatch(ctx, [image]);
    return probe(ctx.model, ids, x);
  });
  try {
    const layers: FeatureMaps['layers'] = [];
    for (const [i, output] of outputs.entries()) {
      const layerId = ids[i] ?? '';
      const shape = output.shape.slice(1);
      layers.push({
        layerId,
        name: nameOf(ctx, layerId),
        output: { shape, data: await readAndDispose(output) },
      });
    }
    return { kind: 'featureMaps', layers };
  } finally {
    for (const output of outputs) output.dispose();
  }
}
