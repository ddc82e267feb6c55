import type * as tf from '@tensorflow/tfjs';
import type { ImageRef } from '../shared/insights';
import { MAX_PINNED } from '../shared/insights';
import type { TrainSettings } from '../shared/train-settings';
import { readTrainingState } from './checkpoints/checkpoint';
import type { InsightContext } from './insights';
import { featureMaps } from './insights/feature-maps';
import { saliency } from './insights/saliency';

/**
 * Runs, once, the device work the first epoch end will ask for, and drops what it computes:
 * the checkpoint's reads of the weights and the optimizer's state, the feature maps of the
 * images the Insights panel pins by default (validation images, padded as the pinned ones
 * are) and the filmstrip's Grad-CAM frame of one of them. Meant for just after a run's first
 * step, when the optimizer has made its state. On WebGL these compile about forty programs
 * of their own; without this they compiled between the second epoch's steps and held up the
 * curves and the first insights (docs/performance.md). Nothing here changes the model, the
 * optimizer or any random stream, so a run trains the same with or without it. It is only a
 * head start: whatever fails here fails again, with its message, where it is really asked
 * for, so failures are dropped.
 */
export async function warmEpochEnd(
  ctx: InsightContext,
  optimizer: tf.Optimizer,
  settings: TrainSettings,
): Promise<void> {
  const count = Math.min(MAX_PINNED, ctx.dataset.split.validation.length);
  const images = Array.from({ length: count }, (_, index): ImageRef => ({
    source: 'split',
    split: 'validation',
    index,
  }));
  const tries: (() => Promise<unknown>)[] = [
    () => readTrainingState(ctx.model, optimizer, settings.optimizer),
    ...(count === 0
      ? []
      : [
          () => featureMaps(ctx, images),
          () =>
            saliency(ctx, {
              kind: 'saliency',
              requestId: 0,
              images: images.slice(0, 1),
              method: 'gradcam',
            }),
        ]),
  ];
  for (const attempt of tries) {
    try {
      await attempt();
    } catch {
      // A head start only (see above).
    }
  }
}
