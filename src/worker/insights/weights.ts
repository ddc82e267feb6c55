import * as tf from '@tensorflow/tfjs';
import type { InsightResult, TensorData } from '../../shared/insights';
import type { NodeId } from '../../shared/model-spec';
import { histogram } from '../../shared/histogram';
import { lossAndCorrect } from '../loss';
import { readTogether } from '../read-together';
import type { InsightContext } from './context';
import { layerIdsOfKind, nameOf } from './context';
import { probeModel } from './probe-model';

type Weights = Extract<InsightResult, { kind: 'weights' }>;

/** Validation images the gradient histograms and dead-ReLU shares are measured on, by default. */
export const PROBE_BATCH = 64;

/**
 * Step batch sizes the probe takes instead: enough images that a dead unit means one dead for
 * many inputs, few enough that the pass stays a step's cost.
 */
export const PROBE_BATCH_RANGE = { min: 32, max: 256 } as const;

const isKernel = (variable: tf.LayerVariable) => /kernel(_\d+)?$/.test(variable.originalName);

/**
 * The probe batch: the first validation images (training ones if there are none). As many as a
 * training step takes when that is within PROBE_BATCH_RANGE, so the pass reuses the step's
 * compiled shaders instead of compiling its own for a batch size no step uses; else 64.
 */
export function probeBatchSize(stepBatchSize: number | undefined): number {
  const { min, max } = PROBE_BATCH_RANGE;
  const step = stepBatchSize ?? 0;
  return step >= min && step <= max ? step : PROBE_BATCH;
}

/**
 * The first images of the validation split (the training split when it has none), gathered
 * the way a training step gathers its batch, so that the tensors have the step's layout and
 * the pass runs the step's compiled shaders rather than new ones for a slice of the split.
 */
function probeBatch(ctx: InsightContext): { x: tf.Tensor4D; y: tf.Tensor1D } {
  const split = ctx.device.validation.count > 0 ? ctx.device.validation : ctx.device.train;
  const size = Math.min(probeBatchSize(ctx.stepBatchSize), split.count);
  return split.take(Array.from({ length: size }, (_, i) => i));
}

/** Ids of layers whose output goes through a ReLU. */
function reluLayerIds(ctx: InsightContext): NodeId[] {
  const ids = new Set(
    ctx.spec.nodes
      .filter((node) => 'activation' in node.config && node.config.activation === 'relu')
      .map((node) => node.id),
  );
  return ctx.model.layers.map((layer) => layer.name).filter((id) => ids.has(id));
}

/**
 * Each unit's total output over the probe batch, for every ReLU layer in turn. A unit is a
 * channel for spatial layers (a filter dead everywhere) and a neuron for dense layers. ReLU
 * outputs are never negative, so the total is 0 exactly when every output is: the unit is
 * dead. Summed over all axes but the last, as the step sums a layer's gradient for its bias,
 * so the reduction runs the step's compiled shaders. One per layer, the rest on the host.
 */
function unitTotals(outputs: tf.Tensor[]): tf.Tensor1D[] {
  return outputs.map((output) => output.sum(output.shape.slice(0, -1).map((_, axis) => axis)));
}

/** Share of each layer's units whose total output is not above 0. */
function deadShares(totals: Float32Array[]): number[] {
  return totals.map((t) => (t.length > 0 ? t.filter((v) => !(v > 0)).length / t.length : 0));
}

/**
 * One forward and backward pass on the probe batch gives what the panel measures: the gradient
 * of the mean loss w.r.t. each trainable kernel that gets one (`graded`, in `kernels`' order),
 * and the ReLU layers' unit totals for their dead shares (in `reluIds`' order). The caller
 * reads and disposes the tensors.
 */
function probePass(
  ctx: InsightContext,
  kernels: tf.Variable[],
  reluIds: NodeId[],
): { graded: tf.Variable[]; gradients: tf.Tensor[]; totals: tf.Tensor[] } {
  let totals: tf.Tensor[] = [];
  try {
    return tf.tidy(() => {
      const { x, y } = probeBatch(ctx);
      const outputId = ctx.model.outputLayers[0]?.name ?? '';
      const ids = [...new Set([outputId, ...reluIds])];
      const loss = () => {
        const out = probeModel(ctx.model, ids).apply(x, { training: false });
        const byId = new Map(ids.map((id, i) => [id, Array.isArray(out) ? out[i] : out]));
        const relus = reluIds.map((id) => byId.get(id) as tf.Tensor);
        // Kept, so no tidy disposes them: the caller reads and disposes them.
        totals = unitTotals(relus).map((t) => tf.keep(t));
        const probs = byId.get(outputId) as tf.Tensor2D;
        return lossAndCorrect(probs, y, ctx.device.classes).lossSum.div<tf.Scalar>(x.shape[0]);
      };
      const trainable = kernels.filter((k) => k.trainable);
      // A network whose kernels are all frozen has no gradients to show: the forward pass only.
      const grads = trainable.length > 0 ? tf.variableGrads(loss, trainable).grads : (loss(), {});
      const graded = trainable.filter((k) => grads[k.name] !== undefined);
      const gradients = graded.map((k) => grads[k.name] as tf.Tensor);
      return { graded, gradients, totals };
    });
  } catch (error) {
    tf.dispose(totals);
    throw error;
  }
}

function concatenated(parts: Float32Array[]): Float32Array {
  const all = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

/** Weight and gradient histograms of every layer with kernels, dead-ReLU shares, first filters. */
export async function weights(ctx: InsightContext): Promise<Weights> {
  const withKernels = ctx.model.layers
    .map((layer) => ({ layer, kernels: layer.weights.filter(isKernel).map((k) => k.read()) }))
    .filter(({ kernels }) => kernels.length > 0);
  const kernels = withKernels.flatMap((l) => l.kernels) as tf.Variable[];
  const reluIds = reluLayerIds(ctx);
  const { graded, gradients: onDevice, totals } = probePass(ctx, kernels, reluIds);
  let read: Float32Array[];
  try {
    // One readback: every kernel's values, then the gradients, then the ReLU totals.
    read = (await readTogether([...kernels, ...onDevice, ...totals])) as Float32Array[];
  } finally {
    tf.dispose([...onDevice, ...totals]);
  }
  const values = read.slice(0, kernels.length);
  const gradients = read.slice(kernels.length, kernels.length + graded.length);
  const shares = deadShares(read.slice(kernels.length + graded.length));
  const gradientOf = new Map(graded.map((k, i) => [k, gradients[i] ?? new Float32Array()]));
  const dead = new Map(reluIds.map((id, i) => [id, shares[i] ?? 0]));

  const layers: Weights['layers'] = [];
  for (const { layer, kernels: own } of withKernels) {
    const ownValues = own.flatMap((k) => values[kernels.indexOf(k as tf.Variable)] ?? []);
    const ownGradients = own.flatMap((k) => gradientOf.get(k as tf.Variable) ?? []);
    layers.push({
      layerId: layer.name,
      name: nameOf(ctx, layer.name),
      weights: histogram(concatenated(ownValues)),
      ...(ownGradients.length > 0 ? { gradients: histogram(concatenated(ownGradients)) } : {}),
      ...(dead.has(layer.name) ? { deadReluFraction: dead.get(layer.name) } : {}),
    });
  }
  // ReLU activation layers have no kernels but can still die.
  for (const [layerId, fraction] of dead) {
    if (!layers.some((l) => l.layerId === layerId)) {
      layers.push({
        layerId,
        name: nameOf(ctx, layerId),
        weights: histogram([]),
        deadReluFraction: fraction,
      });
    }
  }
  return { kind: 'weights', layers, ...firstFilters(ctx, kernels, values) };
}

/** The first conv layer's kernel, [kh, kw, inChannels, filters], from `values`. */
function firstFilters(
  ctx: InsightContext,
  kernels: tf.Tensor[],
  values: Float32Array[],
): { firstLayerFilters?: TensorData } {
  const [firstId] = layerIdsOfKind(ctx, new Set(['conv2d']));
  const kernel = ctx.model.layers
    .find((layer) => layer.name === firstId)
    ?.weights.find(isKernel)
    ?.read();
  const at = kernel ? kernels.indexOf(kernel) : -1;
  if (!kernel || at < 0) return {};
  // The kernel's own array from the read: the answer may transfer it.
  return {
    firstLayerFilters: { shape: [...kernel.shape], data: values[at] ?? new Float32Array() },
  };
}
