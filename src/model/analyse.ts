import type { ModelSpec, NodeId, Shape } from '../shared/model-spec';
import { datasetProblems } from './check-dataset';
import { graphProblems } from './check-graph';
import type { Graph } from './graph';
import { buildGraph, incomingOf, nodeOf } from './graph';
import { inferNodeShape, isShapeProblem, layerDefinition, nodeFlops, nodeParams } from './layers';
import { nodeProblem } from './problems';
import { topologicalSort } from './topo-sort';
import type { Analysis, DatasetShape, Problem } from './types';

export type { Analysis, DatasetShape, Problem } from './types';

/**
 * Shapes, parameter and FLOP counts of every layer, and every problem that stops the network
 * from training on a dataset with `dataset`'s images and classes. Never throws: a broken
 * network is reported, not rejected, so the builder can show why on each layer.
 */
export function analyse(spec: ModelSpec, dataset: DatasetShape): Analysis {
  const graph = buildGraph(spec);
  const { order, cyclic } = topologicalSort([...graph.nodes.keys()], graph.edges);
  const problems: Problem[] = graphProblems(graph, cyclic);
  const shapes: Record<NodeId, Shape> = {};
  const params: Record<NodeId, number> = {};
  const flops: Record<NodeId, number> = {};
  for (const id of order) {
    const node = nodeOf(graph, id);
    const inputShapes = knownInputShapes(graph, id, shapes);
    // Missing inputs were reported as wiring problems or upstream; blaming this layer too
    // would bury the real cause under a cascade.
    if (!inputShapes) continue;
    const shape = inferNodeShape(node, inputShapes);
    if (isShapeProblem(shape)) {
      problems.push(nodeProblem(node, shape.problem, shape.fix));
      continue;
    }
    shapes[id] = shape;
    params[id] = nodeParams(node, inputShapes);
    flops[id] = nodeFlops(node, inputShapes, shape);
  }
  problems.push(...datasetProblems(graph, shapes, dataset));
  return {
    order,
    shapes,
    params,
    flops,
    totalParams: sum(Object.values(params)),
    totalFlops: sum(Object.values(flops)),
    problems,
  };
}

/** The shapes flowing into `id`, or undefined when the layer cannot be judged yet. */
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
