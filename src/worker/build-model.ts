import * as tf from '@tensorflow/tfjs';
import type { LayerNode, ModelSpec } from '../shared/model-spec';
import { assertNever } from '../shared/assert-never';
import { createRng } from '../shared/random';
import { analyse } from '../model/analyse';
import type { Problem } from '../model/analyse';
import { buildGraph, incomingOf, nodeOf, soleOutput } from '../model/graph';
import { impliedDataset } from '../model/implied-dataset';

/** How to build: the seed fixes the initial weights; the dataset, when known, is checked. */
export interface BuildOptions {
  seed: number;
  /** The dataset's image shape; defaults to the spec's own Input shape. */
  inputShape?: [number, number, number];
  /** The dataset's class count; defaults to the units of the spec's output Dense layer. */
  classes?: number;
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
 * Compiles `spec` into an untrained tfjs model with the functional API. Each layer is named
 * after its node id, so `model.getLayer(id)` maps back to the builder. The same seed gives
 * the same initial weights.
 *
 * @throws SpecProblemsError when `analyse` reports any problem.
 */
export function buildModel(spec: ModelSpec, options: BuildOptions): tf.LayersModel {
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
    const node = nodeOf(graph, id);
    // One seed per layer, drawn in topological order, so no two layers share a random stream.
    const seed = Math.floor(rng() * 2 ** 31);
    if (node.kind === 'input') {
      const input = tf.input({ shape: [...node.config.shape], name: id });
      inputs.push(input);
      tensors.set(id, input);
      continue;
    }
    const from = incomingOf(graph, id).map((edge) => symbolic(tensors, edge.from));
    // Single-input layers take the tensor itself; merge layers will take the list.
    const [only] = from;
    const applied = makeLayer(node, seed).apply(from.length === 1 && only ? only : from);
    tensors.set(id, applied as tf.SymbolicTensor);
  }
  const output = soleOutput(graph);
  if (!output) throw new Error('analyse accepted a network without a single output');
  return tf.model({ inputs, outputs: symbolic(tensors, output.id) });
}

function symbolic(tensors: Map<string, tf.SymbolicTensor>, id: string): tf.SymbolicTensor {
  const tensor = tensors.get(id);
  if (!tensor) throw new Error(`Layer '${id}' was used before it was built`);
  return tensor;
}

/** The tfjs layer for one non-input node, named after the node id. */
function makeLayer(node: Exclude<LayerNode, { kind: 'input' }>, seed: number): tf.layers.Layer {
  const name = node.id;
  switch (node.kind) {
    case 'conv2d': {
      const { filters, kernelSize, strides, padding, activation, useBias } = node.config;
      return tf.layers.conv2d({
        name,
        filters,
        kernelSize,
        strides,
        padding,
        activation,
        useBias,
        kernelInitializer: kernelInitializer(seed),
      });
    }
    case 'maxPool2d': {
      const { poolSize, strides, padding } = node.config;
      return tf.layers.maxPooling2d({ name, poolSize, strides, padding });
    }
    case 'flatten':
      return tf.layers.flatten({ name });
    case 'dense': {
      const { units, activation, useBias } = node.config;
      return tf.layers.dense({
        name,
        units,
        activation,
        useBias,
        kernelInitializer: kernelInitializer(seed),
      });
    }
    case 'dropout':
      // No seed: tfjs would then draw the same dropout mask at every training step.
      return tf.layers.dropout({ name, rate: node.config.rate });
    default:
      return assertNever(node);
  }
}

/**
 * Keras' default kernel initialiser, seeded: a network exported as Keras code then starts
 * from the same distribution as in the studio.
 */
function kernelInitializer(seed: number) {
  return tf.initializers.glorotUniform({ seed });
}
