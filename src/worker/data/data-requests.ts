import * as tf from '@tensorflow/tfjs';
import type { DataRequest, DataResult } from '../../shared/dataset';
import { assertNever } from '../../shared/assert-never';
import { createRng } from '../../shared/random';
import { augmentPreview } from '../augment';
import type { DatasetStore } from './dataset-store';

/** The most examples one preview or grid page may ask for. */
const MAX_PREVIEW = 32;

/** Answers a request about the data; needs no model, so it works before the first run. */
export async function answerDataRequest(
  store: DatasetStore,
  request: DataRequest,
): Promise<DataResult> {
  switch (request.kind) {
    case 'examples':
      return store.examples(request.classIndex, request.offset, request.count);
    case 'augmentPreview':
      return previewAugmentation(store, request);
    default:
      return assertNever(request);
  }
}

/** The same few training examples, as they are and as one augmented batch would show them. */
async function previewAugmentation(
  store: DatasetStore,
  request: Extract<DataRequest, { kind: 'augmentPreview' }>,
): Promise<DataResult> {
  const train = store.split.train;
  if (train.length === 0) throw new Error('The training split is empty: load some images first.');
  const count = Math.max(1, Math.min(request.count, MAX_PREVIEW, train.length));
  // Examples spread over the split, chosen by the preview's seed.
  const rng = createRng(request.seed);
  const chosen = Array.from({ length: count }, () => train[Math.floor(rng() * train.length)]!);
  const { pixels: original } = store.examplesAt(chosen);
  const [h, w, c] = store.shape;
  const x01 = tf.tidy(() => tf.tensor4d(original, [count, h, w, c], 'int32').toFloat().div(255));
  try {
    const augmented = await augmentPreview(x01 as tf.Tensor4D, request.augmentation, request.seed);
    return { kind: 'augmentPreview', original, augmented, count };
  } finally {
    x01.dispose();
  }
}
