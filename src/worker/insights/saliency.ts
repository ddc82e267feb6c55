import * as tf from '@tensorflow/tfjs';
import type { InsightRequest, InsightResult, SaliencyMethod } from '../../shared/insights';
import type { InsightContext } from './context';
import { CONV_KINDS, InsightError, kindOf, layerById, layerIdsOfKind } from './context';
import { checkImages, imageBatch } from './image';
import { readTogether } from '../read-together';
import { readAndDispose } from './read';
import type { GradientFn } from './saliency-maps';
import { gradCamMap, gradientMap, smoothGradient } from './saliency-maps';
import { classScore, classScores } from './scores';
import { withTap } from './tap';

type SaliencyRequest = Extract<InsightRequest, { kind: 'saliency' }>;
type SaliencyResult = Extract<InsightResult, { kind: 'saliency' }>;

/** d score_c / d x for a batch of images, on the live model in inference mode. */
export function inputGradient(model: tf.LayersModel, classIndex: number): GradientFn {
  return (x) => tf.grad((input) => classScore(model, input, classIndex))(x) as tf.Tensor4D;
}

/** The layer Grad-CAM looks at: the requested one (it must be spatial) or the last conv layer. */
export function gradCamLayer(ctx: InsightContext, layerId?: string): tf.layers.Layer {
  if (layerId === undefined) {
    const last = layerIdsOfKind(ctx, CONV_KINDS).at(-1);
    if (!last) {
      throw new InsightError('Grad-CAM needs a convolutional layer, and this network has none.');
    }
    return layerById(ctx, last);
  }
  const layer = layerById(ctx, layerId);
  const shape = layer.outputShape;
  if (!Array.isArray(shape) || shape.length !== 4 || kindOf(ctx, layerId) === 'input') {
    throw new InsightError(
      `Grad-CAM needs a layer that outputs an image-shaped map (like a conv layer); '${layerId}' does not.`,
    );
  }
  return layer;
}

/** What a saliency method found for one image: its map and the class the map is for. */
interface Found {
  classIndex: number;
  probabilities: Float32Array;
  /** [h, w] in [0, 1]. */
  map: Float32Array;
}

/** The largest step batch Grad-CAM pads its batch to; with larger steps it runs its images only. */
export const STEP_SHAPED_MAX = 64;

/**
 * How many rows Grad-CAM's batch has at least: its images, then the first again. On WebGL,
 * which compiles programs for each tensor shape, it is the training step's batch size, so the
 * pass runs the forward and backward programs the step has compiled instead of compiling a set
 * of its own between the next epoch's steps (on a software GPU, most of a second at the first
 * epoch end; docs/performance.md). One elsewhere: on the CPU a batch costs in proportion to its
 * size, and so it does on the software GPU's WebGPU, where a step of 32 takes about a second.
 * One until a run has trained the model in this worker (a restored model has compiled no
 * steps), and behind steps over STEP_SHAPED_MAX, where the padding would cost more at every
 * epoch end than the compiling once.
 */
export function gradCamRows(stepBatchSize: number | undefined, backend: string): number {
  if (backend !== 'webgl' || stepBatchSize === undefined || stepBatchSize > STEP_SHAPED_MAX) {
    return 1;
  }
  return Math.max(1, stepBatchSize);
}

/**
 * Grad-CAM on the live model in one taped forward pass over the batch `x`, for its first
 * `images` rows (the rest are padding): the conv layer's output is tapped and a zero tensor δ
 * added to it, so d score / d δ at δ = 0 is the gradient w.r.t. the activation, whatever the
 * graph; each row's score depends on its own image only, so one gradient serves them all. The
 * same pass gives the probabilities and, unless `classIndex` is given, picks each row's top
 * class; all comes back in one readback and the maps are drawn on the host.
 */
export async function gradCam(
  model: tf.LayersModel,
  layer: tf.layers.Layer,
  x: tf.Tensor4D,
  classIndex?: number,
  images = 1,
): Promise<Found[]> {
  const [h, w] = [x.shape[1], x.shape[2]];
  const [, mh = 0, mw = 0, k = 0] = layer.outputShape as number[];
  const seen: { activation?: tf.Tensor; probabilities?: tf.Tensor; chosen?: tf.Tensor } = {};
  let found: tf.Tensor[];
  try {
    found = tf.tidy(() => {
      const delta = tf.zeros([x.shape[0], mh, mw, k]);
      const score = (d: tf.Tensor) =>
        withTap(
          layer,
          (output) => {
            // Kept copies: tf.grad and the model's executor dispose what they create.
            seen.activation = tf.keep(output.clone());
            return output.add(d);
          },
          () => {
            const { scores, probabilities } = classScores(model, x);
            const classes = scores.shape[1];
            const chosen =
              classIndex === undefined
                ? scores.argMax(1)
                : tf.tensor1d(new Array<number>(x.shape[0]).fill(classIndex), 'int32');
            seen.probabilities = tf.keep(probabilities.clone());
            seen.chosen = tf.keep(chosen.toFloat());
            return scores.mul(tf.oneHot(chosen, classes, 1, 0, 'float32')).sum<tf.Scalar>();
          },
        );
      const gradient = tf.grad(score)(delta);
      const { activation, probabilities, chosen } = seen;
      if (!activation || !probabilities || !chosen) {
        throw new Error(`Layer '${layer.name}' did not run`);
      }
      // The images' rows only: the padding's are never read.
      return [probabilities, chosen, activation, gradient].map((t) => t.slice(0, images));
    });
  } finally {
    tf.dispose([seen.activation, seen.probabilities, seen.chosen].filter((t) => t !== undefined));
  }
  let read: Float32Array[];
  try {
    read = (await readTogether(found)) as Float32Array[];
  } finally {
    tf.dispose(found);
  }
  const [probabilities, chosen, activation, gradient] = read;
  if (!probabilities || !chosen || !activation || !gradient)
    throw new Error('Grad-CAM read too little');
  const row = (values: Float32Array, i: number) => {
    const size = values.length / images;
    return values.subarray(i * size, (i + 1) * size);
  };
  return Array.from({ length: images }, (_, i) => ({
    classIndex: chosen[i] ?? 0,
    probabilities: row(probabilities, i).slice(),
    map: gradCamMap(row(activation, i), row(gradient, i), [mh, mw, k], [h, w]),
  }));
}

/** Vanilla gradient or SmoothGrad of the top class (or `classIndex`), on the input pixels. */
async function inputSaliency(
  ctx: InsightContext,
  method: Exclude<SaliencyMethod, 'gradcam'>,
  x: tf.Tensor4D,
  classIndex?: number,
): Promise<Found> {
  const probsTensor = tf.tidy(() => classScores(ctx.model, x).probabilities);
  const probabilities = await readAndDispose(probsTensor);
  const chosen = classIndex ?? argMax(probabilities);
  const gradientOf = inputGradient(ctx.model, chosen);
  const map = tf.tidy(() =>
    gradientMap(method === 'vanilla' ? gradientOf(x) : smoothGradient(x, gradientOf)),
  );
  return { classIndex: chosen, probabilities, map: await readAndDispose(map) };
}

/** Which pixels drove the prediction of a class, for each image, by the requested method. */
export async function saliency(
  ctx: InsightContext,
  request: SaliencyRequest,
): Promise<SaliencyResult> {
  const classes = ctx.device.classes;
  const { classIndex, method, images } = request;
  if (
    classIndex !== undefined &&
    !(Number.isInteger(classIndex) && classIndex >= 0 && classIndex < classes)
  ) {
    throw new InsightError(`Class ${classIndex} does not exist: there are ${classes} classes.`);
  }
  if (method !== 'vanilla' && method !== 'smoothgrad' && method !== 'gradcam') {
    throw new InsightError(`Unknown saliency method '${String(method)}'.`);
  }
  checkImages(ctx, images);
  const found: Found[] = [];
  if (method === 'gradcam') {
    const layer = gradCamLayer(ctx, request.layerId);
    // Drawn pixels (the playground, at every stroke) never pad: no step gathers them.
    const fromSplits = images.every((image) => image.source === 'split');
    const rows = fromSplits ? gradCamRows(ctx.stepBatchSize, tf.getBackend()) : 1;
    const x = imageBatch(ctx, images, rows);
    try {
      found.push(...(await gradCam(ctx.model, layer, x, classIndex, images.length)));
    } finally {
      x.dispose();
    }
  } else {
    for (const image of images) {
      const x = imageBatch(ctx, [image]);
      try {
        found.push(await inputSaliency(ctx, method, x, classIndex));
      } finally {
        x.dispose();
      }
    }
  }
  const [h, w] = ctx.dataset.summary.inputShape;
  return {
    kind: 'saliency',
    method,
    maps: found.map((f) => ({
      classIndex: f.classIndex,
      map: { shape: [h, w], data: f.map },
      probabilities: f.probabilities,
    })),
  };
}

function argMax(values: Float32Array): number {
  let best = 0;
  values.forEach((v, i) => {
    if (v > (values[best] ?? -Infinity)) best = i;
  });
  return best;
}
