import * as tf from '@tensorflow/tfjs';
import type { Histogram, InsightResult, TensorData } from '../../shared/insights';
import type { NodeId } from '../../shared/model-spec';
import { histogram } from '../../shared/histogram';
import { lossAndCorrect } from '../loss';
import type { InsightContext } from './context';
import { layerIdsOfKind, nameOf } from './context';
import { probe } from './probe-model';
import { readAndDispose, readFloat } from './read';

type Weights = Extract<InsightResult, { kind: 'weights' }>;

/** Validation images the gradient histograms and dead-ReLU fractions are measured on. */
export const PROBE_BATCH = 64;

const isKernel = (variable: tf.LayerVariable) => /kernel(_\d+)?$/.test(variable.originalName);

/** The probe batch: the first validation images (training ones if there are none). */
function probeBatch(ctx: InsightContext): { x: tf.Tensor4D; y: tf.Tensor1D } {
  const split = ctx.device.validation.count > 0 ? ctx.device.validation : ctx.device.train;
  const size = Math.min(PROBE_BATCH, split.count);
  return split.range(0, size);
}

/** Values of several tensors on the host, concatenated; disposes nothing it was given. */
async function valuesOf(tensors: tf.Tensor[]): Promise<Float32Array[]> {
  return Promise.all(tensors.map((t) => readFloat(t)));
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

/** Gradients of the mean loss on the probe batch w.r.t. every kernel, by variable name. */
function kernelGradients(ctx: InsightContext, kernels: tf.Variable[]): tf.NamedTensorMap {
  return tf.tidy(() => {
    const { x, y } = probeBatch(ctx);
    const { grads } = tf.variableGrads(() => {
      const probs = ctx.model.apply(x, { training: false }) as tf.Tensor2D;
      return lossAndCorrect(probs, y, ctx.device.classes).lossSum.div<tf.Scalar>(x.shape[0]);
    }, kernels);
    return grads;
  });
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
 * Share of each ReLU layer's units that output 0 for every probe image. A unit is a channel
 * for spatial layers (a filter dead everywhere) and a neuron for dense layers.
 */
async function deadReluFractions(ctx: InsightContext): Promise<Map<NodeId, number>> {
  const ids = reluLayerIds(ctx);
  if (ids.length === 0) return new Map();
  const deadShares = tf.tidy(() => {
    const outputs = probe(ctx.model, ids, probeBatch(ctx).x);
    return tf.stack(
      outputs.map((output) => {
        const units = output.shape.at(-1) ?? 1;
        const alive = output.reshape([-1, units]).max(0).greater(0);
        return tf.sub(1, alive.toFloat().mean());
      }),
    );
  });
  const shares = await readAndDispose(deadShares);
  return new Map(ids.map((id, i) => [id, shares[i] ?? 0]));
}

/** Weight and gradient histograms of every layer with kernels, dead-ReLU shares, first filters. */
export async function weights(ctx: InsightContext): Promise<Weights> {
  const withKernels = ctx.model.layers
    .map((layer) => ({ layer, kernels: layer.weights.filter(isKernel) }))
    .filter(({ kernels }) => kernels.length > 0);
  const variables = withKernels.flatMap(({ kernels }) => kernels.map((k) => k.read()));
  const gradients = kernelGradients(ctx, variables as tf.Variable[]);
  const dead = await deadReluFractions(ctx);
  const layers: Weights['layers'] = [];
  try {
    for (const { layer, kernels } of withKernels) {
      const values = concatenated(await valuesOf(kernels.map((k) => k.read())));
      const grads = kernels.flatMap((k) => gradients[(k.read() as tf.Variable).name] ?? []);
      const gradientHistogram: Histogram | undefined =
        grads.length > 0 ? histogram(concatenated(await valuesOf(grads))) : undefined;
      layers.push({
        layerId: layer.name,
        name: nameOf(ctx, layer.name),
        weights: histogram(values),
        ...(gradientHistogram ? { gradients: gradientHistogram } : {}),
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
  } finally {
    tf.dispose(gradients);
  }
  return { kind: 'weights', layers, ...(await firstFilters(ctx)) };
}

/** The first conv layer's kernel, [kh, kw, inChannels, filters]. */
async function firstFilters(ctx: InsightContext): Promise<{ firstLayerFilters?: TensorData }> {
  const [firstId] = layerIdsOfKind(ctx, new Set(['conv2d']));
  const kernel = ctx.model.layers
    .find((layer) => layer.name === firstId)
    ?.weights.find(isKernel)
    ?.read();
  if (!kernel) return {};
  // readFloat copies: the kernel is a live weight and its storage must not be transferred.
  return { firstLayerFilters: { shape: [...kernel.shape], data: await readFloat(kernel) } };
}
