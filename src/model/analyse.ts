import type { ModelSpec, NodeId, Shape } from '../shared/model-spec';
import { datasetProblems } from './check-dataset';
import { graphProblems } from './check-graph';
import type { Graph } from './graph';
import { buildGraph, incomingOf, nodeOf } from './graph';
import {
  activationBytes,
  inferNodeShape,
  isShapeProblem,
  layerDefinition,
  nodeFlops,
  nodeFrozenParams,
  nodeParams,
} from './layers';
import { nodeProblem } from './problems';
import { shapeFixEdits } from './shape-fix';
import { topologicalSort } from './topo-sort';
import type { Analysis, DatasetShape, Problem } from './types';

export type { Analysis, DatasetShape, Problem } from './types';
export type { Fix, SpecEdit } from './edit-types';
export { estimateTrainingMemory, trainingMemory } from './memory';
export type { TrainingMemory } from './memory';

/**
 * Shapes, parameter and FLOP counts and activation sizes of every layer, and every problem
 * that stops the network from training on a dataset with `dataset`'s images and classes,
 * each with a one-click fix where one is obvious. Never throws: a broken network is
 * reported, not rejected, so the builder can show why on each layer.
 */
export function analyse(spec: ModelSpec, dataset: DatasetShape): Analysis {
  const graph = buildGraph(spec);
  const { order, cyclic } = topologicalSort([...graph.nodes.keys()], graph.edges);
  const problems: Problem[] = graphProblems(spec, graph, order, cyclic, dataset);
  const shapes: Record<NodeId, Shape> = {};
  const params: Record<NodeId, number> = {};
  const flops: Record<NodeId, number> = {};
  const activations: Record<NodeId, number> = {};
  let frozen = 0;
  for (const id of order) {
    const node = nodeOf(graph, id);
    const inputShapes = knownInputShapes(graph, id, shapes);
    // Missing inputs were reported as wiring problems or upstream; blaming this layer too
    // would bury the real cause under a cascade.
    if (!inputShapes) continue;
    const shape = inferNodeShape(node, inputShapes);
    if (isShapeProblem(shape)) {
      const fix = shape.fix && shapeFixEdits(spec, graph, node, shape.fix);
      problems.push(nodeProblem(node, shape.problem, fix));
      continue;
    }
    shapes[id] = shape;
    params[id] = nodeParams(node, inputShapes);
    frozen += nodeFrozenParams(node, inputShapes);
    flops[id] = nodeFlops(node, inputShapes, shape);
    activations[id] = activationBytes(shape);
  }
  problems.push(...datasetProblems(spec, graph, shapes, dataset));
  const totalParams = sum(Object.values(params));
  return {
    order,
    shapes,
    params,
    flops,
    activationBytes: activations,
    totalParams,
    totalTrainableParams: totalParams - frozen,
    totalFlops: sum(Object.values(flops)),
    totalActivationBytes: sum(Object.values(activations)),
    problems,
  };
}

/** The output shapes of the layers wired into `id`, or undefined when the layer cannot be judged yet. */
function knownInputShapes(
  graph: Graph,
  id: NodeId,
  shapes: Record<NodeId, Shape>,
): Shape[] | undefined {
  const { inputs } = layerDefinition(nodeOf(graph, id).kind);
  const wires = incomingOf(graph, id);
  if (wires.length < inputs.min || wires.length > inputs.max) return undefined;
  const known = wires.map((wire) => shapes[wire.from]);
  return known.every((shape) => shape !== undefined) ? known : undefined;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
