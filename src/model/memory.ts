import type { ModelSpec, NodeId } from '../shared/model-spec';
import type { OptimizerName } from '../shared/train-settings';
import { assertNever } from '../shared/assert-never';
import { formatBytes } from '../shared/format-bytes';
import { nodeProblem } from './problems';
import type { Analysis, Problem } from './types';

const FLOAT_BYTES = 4;

/** Where the bytes of one training step go. */
export interface TrainingMemory {
  weights: number;
  gradients: number;
  /** Moments and accumulators the optimizer keeps per trainable weight. */
  optimizerState: number;
  /** Layer outputs for the whole batch, kept for the backward pass, and their gradients. */
  activations: number;
  total: number;
}

/**
 * Extra float32 values the tfjs optimizer keeps per trainable weight: Adam two moments,
 * RMSprop its mean square and momentum, SGD with momentum one velocity (plain SGD none).
 */
export function optimizerSlots(optimizer: OptimizerName, momentum = 0.9): number {
  switch (optimizer) {
    case 'adam':
      return 2;
    case 'rmsprop':
      return 2;
    case 'sgd':
      return momentum > 0 ? 1 : 0;
    default:
      return assertNever(optimizer);
  }
}

/**
 * A rough estimate of the memory one training step needs, by part: weights, their gradients
 * and optimizer state, plus every layer's output for the batch twice (the values kept for
 * the backward pass and their gradients). Backend workspace and the dataset are left out.
 */
export function trainingMemory(
  analysis: Pick<Analysis, 'totalParams' | 'totalTrainableParams' | 'totalActivationBytes'>,
  batchSize: number,
  optimizer: OptimizerName,
  momentum = 0.9,
): TrainingMemory {
  const weights = analysis.totalParams * FLOAT_BYTES;
  const gradients = analysis.totalTrainableParams * FLOAT_BYTES;
  const optimizerState = gradients * optimizerSlots(optimizer, momentum);
  const activations = analysis.totalActivationBytes * batchSize * 2;
  return {
    weights,
    gradients,
    optimizerState,
    activations,
    total: weights + gradients + optimizerState + activations,
  };
}

/** Estimated bytes one training step needs: the total of `trainingMemory`. */
export function estimateTrainingMemory(
  analysis: Pick<Analysis, 'totalParams' | 'totalTrainableParams' | 'totalActivationBytes'>,
  batchSize: number,
  optimizer: OptimizerName,
  momentum = 0.9,
): number {
  return trainingMemory(analysis, batchSize, optimizer, momentum).total;
}

const GIB = 1024 ** 3;

/** The budget where the browser does not say how much memory the device has. */
const DEFAULT_BUDGET = 2 * GIB;

/**
 * The most estimated training memory a run may ask for, in bytes. A browser tab is not a
 * training machine: Chromium bounds a renderer and its share of the GPU process to a few GiB,
 * tfjs holds every tensor in a WebGL texture or GPU buffer inside that share, and the estimate
 * leaves out the backend's scratch tensors and the dataset on the device (up to 384 MB), which
 * often come to as much again. So a run may ask for a quarter of the device memory the browser
 * reports (`navigator.deviceMemory`, which Chromium rounds down and caps at 8 GiB), and at most
 * 2 GiB. Every template needs under 200 MB at batch 64 on 32×32×3 images (memory.test.ts).
 */
export function trainingMemoryBudget(deviceMemoryGiB?: number): number {
  if (deviceMemoryGiB === undefined || !(deviceMemoryGiB > 0)) return DEFAULT_BUDGET;
  return Math.min(DEFAULT_BUDGET, (deviceMemoryGiB * GIB) / 4);
}

/** The budget for this browser: page and worker read the same `navigator.deviceMemory`. */
export function browserTrainingMemoryBudget(): number {
  const reported = (globalThis.navigator as { deviceMemory?: unknown } | undefined)?.deviceMemory;
  return trainingMemoryBudget(typeof reported === 'number' ? reported : undefined);
}

/** What a training step's memory depends on besides the network. */
export interface MemoryRun {
  /** The examples one step uses (the batch size, or fewer when an epoch has fewer). */
  batchSize: number;
  optimizer: OptimizerName;
  momentum: number;
}

/** The id of the entry with the largest value. */
function largest(values: Record<NodeId, number>): NodeId | undefined {
  let best: NodeId | undefined;
  for (const [id, value] of Object.entries(values)) {
    if (best === undefined || value > (values[best] ?? 0)) best = id;
  }
  return best;
}

/**
 * A problem when training `spec` would need more than `budget` bytes, pinned on the layer that
 * costs the most, saying how much is needed and what to change; undefined when it fits. Worked
 * out from the analysis alone, so a network far too large is refused before anything is built.
 */
export function memoryProblem(
  spec: ModelSpec,
  analysis: Analysis,
  run: MemoryRun,
  budget: number,
): Problem | undefined {
  const memory = trainingMemory(analysis, run.batchSize, run.optimizer, run.momentum);
  if (memory.total <= budget) return undefined;
  const needs = `training needs about ${formatBytes(memory.total)} of memory at batch ${run.batchSize}, more than the ${formatBytes(budget)} a browser tab can give it.`;
  const weightsCost = memory.weights + memory.gradients + memory.optimizerState;
  const heaviest =
    weightsCost >= memory.activations
      ? largest(analysis.params)
      : largest(analysis.activationBytes);
  const node = spec.nodes.find((n) => n.id === heaviest);
  if (!node) return { message: `The network is too large: ${needs}` };
  if (weightsCost >= memory.activations) {
    const params = analysis.params[node.id] ?? 0;
    return nodeProblem(
      node,
      `${needs} This layer holds ${params.toLocaleString('en-US')} of the network's ${analysis.totalParams.toLocaleString('en-US')} parameters: give it fewer units or filters, or shrink its input with pooling first.`,
    );
  }
  return nodeProblem(
    node,
    `${needs} Most of it is layer outputs kept for learning, the largest this one's: lower the batch size, or make outputs smaller (fewer filters, pooling or strides earlier).`,
  );
}
