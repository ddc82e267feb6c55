import type { LayerNode, NodeId } from '../shared/model-spec';
import type { Graph } from './graph';
import { incomingOf, isIsolated, nodeOf, outputsOf } from './graph';
import { layerDefinition } from './layers';
import { nodeName, nodeProblem } from './problems';
import type { Problem } from './types';

/** Problems with how the layers are wired, before any shape is looked at. */
export function graphProblems(graph: Graph, cyclic: readonly NodeId[]): Problem[] {
  const nodes = [...graph.nodes.values()];
  return [
    ...graph.duplicates.map((node) =>
      nodeProblem(
        node,
        `Another layer already has the id '${node.id}'.`,
        'Give each layer its own id.',
      ),
    ),
    ...graph.danglingEdges.map((edge) => ({
      message: `A wire from '${edge.from}' to '${edge.to}' points to a layer that does not exist.`,
      fix: 'Delete the wire.',
    })),
    ...inputCountProblems(nodes),
    ...cyclic.map((id) =>
      nodeProblem(
        nodeOf(graph, id),
        'This layer is part of a loop, but data must flow one way, from the Input to the output.',
        'Remove the wire that leads back to an earlier layer.',
      ),
    ),
    ...nodes.flatMap((node) => wireCountProblems(graph, node)),
    ...outputCountProblems(graph),
  ];
}

function inputCountProblems(nodes: LayerNode[]): Problem[] {
  const inputs = nodes.filter((node) => node.kind === 'input');
  if (inputs.length === 0) {
    return [
      {
        message: 'The network has no Input layer, so images have no way in.',
        fix: 'Add an Input layer at the top and wire it to the first layer.',
      },
    ];
  }
  return inputs
    .slice(1)
    .map((node) =>
      nodeProblem(
        node,
        `The network has ${inputs.length} Input layers, but it reads one image at a time.`,
        'Keep one Input layer and delete the others.',
      ),
    );
}

function wireCountProblems(graph: Graph, node: LayerNode): Problem[] {
  const { label, inputs } = layerDefinition(node.kind);
  const count = incomingOf(graph, node.id).length;
  if (graph.nodes.size > 1 && isIsolated(graph, node.id)) {
    return [
      nodeProblem(
        node,
        'This layer is not connected to anything.',
        'Wire it into the network, or delete it.',
      ),
    ];
  }
  if (count > inputs.max) {
    const message =
      inputs.max === 0
        ? `${label} layers receive no wires, but ${wiresLeadIn(count)}.`
        : `${label} takes ${inputs.max === 1 ? 'one input' : `at most ${inputs.max} inputs`}, but ${wiresLeadIn(count)}.`;
    return [nodeProblem(node, message, 'Remove the extra wires leading into it.')];
  }
  if (count < inputs.min) {
    const message =
      count === 0
        ? `This ${label} layer has no incoming wire, so it receives no data.`
        : `${label} needs at least ${inputs.min} inputs, but only ${wiresLeadIn(count)}.`;
    return [nodeProblem(node, message, 'Wire the layer before it into this one.')];
  }
  return [];
}

function wiresLeadIn(count: number): string {
  return count === 1 ? '1 wire leads into it' : `${count} wires lead into it`;
}

function outputCountProblems(graph: Graph): Problem[] {
  const outputs = outputsOf(graph);
  if (outputs.length <= 1) return [];
  const names = outputs.map(nodeName).join(', ');
  return outputs.map((node) =>
    nodeProblem(
      node,
      `This layer is a dead end: ${outputs.length} layers (${names}) have no outgoing wire, but the network needs exactly one output.`,
      `Wire ${nodeName(node)} into the next layer, or delete it if it is not the output.`,
    ),
  );
}
