import * as tf from '@tensorflow/tfjs';
import type { InsightRequest, InsightResult, SaliencyMethod } from '../../shared/insights';
import type { InsightContext } from './context';
import { CONV_KINDS, InsightError, kindOf, layerById, layerIdsOfKind } from './context';
import { imageTensor } from './image';
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

/**
 * Grad-CAM on the live model: the conv layer's output is tapped and a zero tensor δ added to
 * it, so d score / d δ at δ = 0 is the gradient w.r.t. the activation — whatever the graph.
 */
export function gradCam(
  model: tf.LayersModel,
  layer: tf.layers.Layer,
  x: tf.Tensor4D,
  classIndex: number,
): tf.Tensor2D {
  const [, h = 0, w = 0] = x.shape;
  const shape = layer.outputShape as number[];
  const seen: { activation?: tf.Tensor4D } = {};
  try {
    return tf.tidy(() => {
      const delta = tf.zeros([1, ...shape.slice(1)]);
      const score = (d: tf.Tensor) =>
        withTap(
          layer,
          (output) => {
            // A kept copy: tf.grad and the model's executor dispose what they create.
            seen.activation = tf.keep(output.clone() as tf.Tensor4D);
            return output.add(d);
          },
          () => classScore(model, x, classIndex),
        );
      const gradient = tf.grad(score)(delta);
      if (!seen.activation) throw new Error(`Layer '${layer.name}' did not run`);
      return gradCamMap(seen.activation, gradient as tf.Tensor4D, [h, w]);
    });
  } finally {
    seen.activation?.dispose();
  }
}

function saliencyMap(
  ctx: InsightContext,
  request: SaliencyRequest,
  x: tf.Tensor4D,
  classIndex: number,
): tf.Tensor2D {
  const method: SaliencyMethod = request.method;
  const gradientOf = inputGradient(ctx.model, classIndex);
  switch (method) {
    case 'vanilla':
      return tf.tidy(() => gradientMap(gradientOf(x)));
    case 'smoothgrad':
      return tf.tidy(() => gradientMap(smoothGradient(x, gradientOf)));
    case 'gradcam':
      return gradCam(ctx.model, gradCamLayer(ctx, request.layerId), x, classIndex);
    default:
      throw new InsightError(`Unknown saliency method '${String(method)}'.`);
  }
}

/** Which pixels drove the prediction of a class, by the requested method. */
export async function saliency(
  ctx: InsightContext,
  request: SaliencyRequest,
): Promise<SaliencyResult> {
  const classes = ctx.device.classes;
  const { classIndex } = request;
  if (
    classIndex !== undefined &&
    !(Number.isInteger(classIndex) && classIndex >= 0 && classIndex < classes)
  ) {
    throw new InsightError(`Class ${classIndex} does not exist: there are ${classes} classes.`);
  }
  const x = imageTensor(ctx, request.image);
  try {
    const probsTensor = tf.tidy(() => classScores(ctx.model, x).probabilities);
    const probabilities = await readAndDispose(probsTensor);
    const chosen = classIndex ?? argMax(probabilities);
    const map = saliencyMap(ctx, request, x, chosen);
    const [h = 0, w = 0] = map.shape;
    return {
      kind: 'saliency',
      method: request.method,
      classIndex: chosen,
      map: { shape: [h, w], data: await readAndDispose(map) },
      probabilities,
    };
  } finally {
    x.dispose();
  }
}

function argMax(values: Float32Array): number {
  let best = 0;
  values.forEach((v, i) => {
    if (v > (values[best] ?? -Infinity)) best = i;
  });
  return best;
}
