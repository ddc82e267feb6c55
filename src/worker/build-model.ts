import * as tf from '@tensorflow/tfjs';
import type { LayerNode, ModelSpec } from '../shared/model-spec';
import { createRng } from '../shared/random';
import { analyse } from '../model/analyse';
import type { Problem } from '../model/analyse';
import { buildGraph, incomingOf, nodeOf, soleOutput } from '../model/graph';
import { impliedDataset } from '../model/implied-dataset';
import { makeLayer } from './make-layer';
import { applyBase } from './pretrained/apply-base';

/** How to build: the seed fixes the initial weights; the dataset, when known, is checked. */
export interface BuildOptions {
  seed: number;
  /** The dataset's image shape; defaults to the spec's own Input shape. */
  inputShape?: [number, number, number];
  /** The dataset's class count; defaults to the units of the spec's output Dense layer. */
  classes?: number;
  /**
   * A freshly loaded model for every Pretrained base, by node id (`BaseLoader.instantiate`).
   * `buildModel` takes them over: their kept layers become the network's, the rest is disposed,
   * also when building fails.
   */
  bases?: ReadonlyMap<string, tf.LayersModel>;
}

/** Thrown instead of building a network that `analyse` finds problems with. */
export class SpecProblemsError extends Error {
  constructor(readonly problems: Problem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`The network has ${count}: ${problems.map((p) => p.message).join(' ')}`);
    this.name = 'SpecProblemsError';
  }
}

/**
 * Compiles `spec` into an untrained tfjs model with the functional API, branches and skip
 * connections included. Each layer is named after its node id, so `model.getLayer(id)`
 * maps back to the builder. The same seed gives the same initial weights.
 *
 * @throws SpecProblemsError when `analyse` reports any problem.
 */
export function buildModel(spec: ModelSpec, options: BuildOptions): tf.LayersModel {
  try {
    return buildWith(spec, options);
  } finally {
    for (const base of options.bases?.values() ?? []) base.dispose();
  }
}

function buildWith(spec: ModelSpec, options: BuildOptions): tf.LayersModel {
  const implied = impliedDataset(spec);
  const dataset = {
    shape: options.inputShape ?? implied.shape,
    classes: options.classes ?? implied.classes,
  };
  const { order, problems } = analyse(spec, dataset);
  if (problems.length > 0) throw new SpecProblemsError(problems);

  const graph = buildGraph(spec);
  const rng = createRng(options.seed);
  const tensors = new Map<string, tf.SymbolicTensor>();
  const inputs: tf.SymbolicTensor[] = [];
  for (const id of order) {
    const node: LayerNode = nodeOf(graph, id);
    // One seed per layer, drawn in topological order, so no two layers share a random stream.
    const seed = Math.floor(rng() * 2 ** 31);
    if (node.kind === 'input') {
      const input = tf.input({ shape: [...node.config.shape], name: id });
      inputs.push(input);
      tensors.set(id, input);
      continue;
    }
    // Wires come ordered by port, which fixes the order Concatenate stacks its inputs in.
    const from = incomingOf(graph, id).map((edge) => symbolic(tensors, edge.from));
    const [only] = from;
    if (node.kind === 'pretrainedBase') {
      const base = options.bases?.get(id);
      if (!base || !only) throw new Error(`The base of '${id}' is not loaded: press Load first.`);
      tensors.set(id, applyBase(base, node, only));
      continue;
    }
    const applied = makeLayer(node, seed).apply(from.length === 1 && only ? only : from);
    tensors.set(id, applied as tf.SymbolicTensor);
  }
  const output = soleOutput(graph);
  if (!output) throw new Error('analyse accepted a network without a single output');
  return tf.model({ inputs, outputs: symbolic(tensors, output.id) });
}

/**
 * The sum of the model's L1/L2 weight penalties, or null when no layer has one. A custom
 * training loop computes its loss itself, so it must add this term inside the function it
 * minimises (as `model.fit` does) for the regularisers to have any effect.
 */
export function regularizationLoss(model: tf.LayersModel): tf.Scalar | null {
  const losses = model.calculateLosses();
  if (losses.length === 0) return null;
  return tf.addN<tf.Scalar>(losses);
}

function symbolic(tensors: Map<string, tf.SymbolicTensor>, id: string): tf.SymbolicTensor {
  const tensor = tensors.get(id);
  if (!tensor) throw new Error(`Layer '${id}' was used before it was built`);
  return tensor;
}
