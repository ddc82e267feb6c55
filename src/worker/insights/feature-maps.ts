import * as tf from '@tensorflow/tfjs';
import type { ImageFeatureMaps, ImageRef, InsightResult } from '../../shared/insights';
import { MAX_PINNED } from '../../shared/insights';
import type { NodeId } from '../../shared/model-spec';
import type { InsightContext } from './context';
import { InsightError, featureMapLayerIds, kindOf, layerById, nameOf } from './context';
import { checkImages, imageBatch } from './image';
import { probe } from './probe-model';
import { readAndDispose } from './read';

type FeatureMaps = Extract<InsightResult, { kind: 'featureMaps' }>;

/**
 * How many rows the feature maps' batch has: its images, then the first again. On WebGL,
 * which compiles programs for each tensor shape, images of the splits are padded to a
 * multiple of MAX_PINNED, so one to four pinned images run the same shaders and the run's
 * warm-up (warm-epoch-end.ts) compiles them before the first epoch ends. Drawn pixels (the
 * playground, at every stroke) and other backends run their images only.
 */
export function featureMapRows(images: readonly ImageRef[], backend: string): number {
  const fromSplits = images.every((image) => image.source === 'split');
  if (backend !== 'webgl' || !fromSplits) return images.length;
  return Math.ceil(images.length / MAX_PINNED) * MAX_PINNED;
}

/**
 * What the given layers (conv and pooling layers when none are given) output for each image,
 * all the images in one forward pass and each layer in one readback. Shapes drop the batch
 * dimension: [h, w, channels] for spatial layers, [units] for dense.
 */
export async function featureMaps(
  ctx: InsightContext,
  images: ImageRef[],
  layerIds?: NodeId[],
  rows = featureMapRows(images, tf.getBackend()),
): Promise<FeatureMaps> {
  checkImages(ctx, images);
  const ids = layerIds ?? featureMapLayerIds(ctx);
  for (const id of ids) {
    layerById(ctx, id);
    if (kindOf(ctx, id) === 'input') {
      throw new InsightError(`'${id}' is the input; its "feature map" is the image itself.`);
    }
  }
  const perImage: ImageFeatureMaps[] = images.map(() => ({ layers: [] }));
  if (ids.length === 0) return { kind: 'featureMaps', images: perImage };
  const outputs = tf.tidy(() => probe(ctx.model, ids, imageBatch(ctx, images, rows)));
  try {
    for (const [i, output] of outputs.entries()) {
      const layerId = ids[i] ?? '';
      const name = nameOf(ctx, layerId);
      const shape = output.shape.slice(1);
      const size = shape.reduce((a, b) => a * b, 1);
      // Every row, padding included: a slice on the device would be one more program.
      const data = await readAndDispose(output);
      perImage.forEach((maps, row) => {
        // Its own copy, so each image's values can be transferred on their own.
        maps.layers.push({
          layerId,
          name,
          output: { shape, data: data.slice(row * size, (row + 1) * size) },
        });
      });
    }
    return { kind: 'featureMaps', images: perImage };
  } finally {
    for (const output of outputs) output.dispose();
  }
}
