import type { LayerNode, NodeId } from '../shared/model-spec';
import type { Graph } from './graph';
import { incomingOf, outputsOf } from './graph';
import { nodeName, nodeProblem } from './problems';
import type { DatasetShape, Problem } from './types';

/**
 * When several layers have no outgoing wire, picks the one that looks like the classifier
 * (a Dense with one unit per class, then any Dense, then a softmax Activation, then the
 * latest in `order`) and reports each other dead end as not connected to it, offering to
 * delete the branch that only feeds the dead end.
 */
export function outputCountProblems(
  graph: Graph,
  order: readonly NodeId[],
  dataset: DatasetShape,
): Problem[] {
  const outputs = outputsOf(graph);
  if (outputs.length <= 1) return [];
  const rank = (node: LayerNode) => {
    if (node.kind === 'dense') return node.config.units === dataset.classes ? 3 : 2;
    if (node.kind === 'activation' && node.config.activation === 'softmax') return 1;
    return 0;
  };
  const main = outputs.reduce((best, node) => {
    const difference = rank(node) - rank(best);
    if (difference !== 0) return difference > 0 ? node : best;
    return order.indexOf(node.id) > order.indexOf(best.id) ? node : best;
  });
  const feedsMain = upstreamOf(graph, main.id);
  return outputs
    .filter((node) => node !== main)
    .map((node) => {
      const branch = [...upstreamOf(graph, node.id)].filter((id) => !feedsMain.has(id));
      const label =
        branch.length === 1 ? 'Delete it' : `Delete its branch (${branch.length} layers)`;
      return nodeProblem(
        node,
        `This layer's output goes nowhere: it is not connected to the network's output, ${nodeName(main)}.`,
        { label, edits: branch.map((id) => ({ type: 'removeNode' as const, id })) },
      );
    });
}

/** `id` and every layer with a path to it. */
function upstreamOf(graph: Graph, id: NodeId): Set<NodeId> {
  const seen = new Set<NodeId>([id]);
  for (const current of seen) {
    for (const wire of incomingOf(graph, current)) seen.add(wire.from);
  }
  return seen;
}
