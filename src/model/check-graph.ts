import type { Edge, LayerNode, ModelSpec, NodeId } from '../shared/model-spec';
import { backEdges } from './back-edges';
import { bypass } from './bypass';
import { outputCountProblems } from './check-outputs';
import type { Fix, SpecEdit } from './edit-types';
import type { Graph } from './graph';
import { incomingOf, isIsolated, nodeOf, outgoingOf } from './graph';
import { layerDefinition } from './layers';
import { newLayer } from './new-layer';
import { nodeName, nodeProblem } from './problems';
import type { DatasetShape, Problem } from './types';

/** Problems with how the layers are wired, before any shape is looked at. */
export function graphProblems(
  spec: ModelSpec,
  graph: Graph,
  order: readonly NodeId[],
  cyclic: readonly NodeId[],
  dataset: DatasetShape,
): Problem[] {
  const nodes = [...graph.nodes.values()];
  return [
    ...graph.duplicates.map((node) =>
      nodeProblem(
        node,
        `Another layer already has the id '${node.id}'; give each layer its own id.`,
      ),
    ),
    ...graph.danglingEdges.map((edge) => ({
      message: `A wire from '${edge.from}' to '${edge.to}' points to a layer that does not exist.`,
      fix: { label: 'Delete the wire', edits: [{ type: 'disconnect' as const, edge }] },
    })),
    ...inputCountProblems(spec, graph, dataset),
    ...loopProblems(graph, cyclic),
    ...nodes.flatMap((node) => wireCountProblems(graph, node)),
    ...outputCountProblems(graph, order, dataset),
  ];
}

function inputCountProblems(spec: ModelSpec, graph: Graph, dataset: DatasetShape): Problem[] {
  const nodes = [...graph.nodes.values()];
  const inputs = nodes.filter((node) => node.kind === 'input');
  const [first] = inputs;
  if (!first) {
    const message = 'The network has no Input layer, so images have no way in.';
    // With exactly one layer waiting for data, it is obvious where the Input goes.
    const starts = nodes.filter((node) => incomingOf(graph, node.id).length === 0);
    const [start] = starts;
    if (starts.length !== 1 || !start) {
      return [
        { message: `${message} Add an Input layer at the top and wire it to the first layer.` },
      ];
    }
    const input = newLayer(spec, 'input', { shape: [...dataset.shape] }, [
      { ...start, position: { x: start.position?.x ?? 0, y: (start.position?.y ?? 0) - 100 } },
    ]);
    const edits: SpecEdit[] = [
      { type: 'addNode', node: input },
      { type: 'connect', edge: { from: input.id, to: start.id } },
    ];
    return [{ message, fix: { label: `Add an Input above ${nodeName(start)}`, edits } }];
  }
  return inputs.slice(1).map((node) => {
    const consumers = outgoingOf(graph, node.id);
    const edits: SpecEdit[] = [
      { type: 'removeNode', id: node.id },
      ...consumers.map((wire) => ({ type: 'connect' as const, edge: { ...wire, from: first.id } })),
    ];
    return nodeProblem(
      node,
      `The network has ${inputs.length} Input layers, but it reads one image at a time.`,
      { label: `Use ${nodeName(first)} instead`, edits },
    );
  });
}

function loopProblems(graph: Graph, cyclic: readonly NodeId[]): Problem[] {
  if (cyclic.length === 0) return [];
  const culprits = backEdges(cyclic, graph.edges);
  const names = (edge: Edge) =>
    `${nodeName(nodeOf(graph, edge.from))} → ${nodeName(nodeOf(graph, edge.to))}`;
  const fix: Fix = {
    label:
      culprits.length === 1 && culprits[0]
        ? `Remove the wire ${names(culprits[0])}`
        : `Remove ${culprits.length} wires that lead back`,
    edits: culprits.map((edge) => ({ type: 'disconnect', edge })),
  };
  return cyclic.map((id) =>
    nodeProblem(
      nodeOf(graph, id),
      'This layer is part of a loop, but data must flow one way, from the Input to the output.',
      fix,
    ),
  );
}

function wireCountProblems(graph: Graph, node: LayerNode): Problem[] {
  const { label, inputs } = layerDefinition(node.kind);
  const wires = incomingOf(graph, node.id);
  const count = wires.length;
  if (graph.nodes.size > 1 && isIsolated(graph, node.id)) {
    return [
      nodeProblem(node, 'This layer is not connected to anything; wire it into the network.', {
        label: 'Delete it',
        edits: [{ type: 'removeNode', id: node.id }],
      }),
    ];
  }
  if (count > inputs.max) {
    const message =
      inputs.max === 0
        ? `${label} layers receive no wires, but ${wiresLeadIn(count)}.`
        : `${label} takes ${inputs.max === 1 ? 'one input' : `at most ${inputs.max} inputs`}, but ${wiresLeadIn(count)}.`;
    const extra = wires.slice(inputs.max);
    return [
      nodeProblem(node, message, {
        label: extra.length === 1 ? 'Remove the extra wire' : `Remove ${extra.length} extra wires`,
        edits: extra.map((edge) => ({ type: 'disconnect', edge })),
      }),
    ];
  }
  if (count < inputs.min) {
    if (count === 0) {
      return [
        nodeProblem(
          node,
          `This ${label} layer has no incoming wire, so it receives no data; wire the layer before it into this one.`,
        ),
      ];
    }
    return [
      nodeProblem(
        node,
        `${label} needs at least ${inputs.min} inputs, but only ${wiresLeadIn(count)}; wire another branch into it.`,
        bypass(graph, node, 'Remove it and keep the wire'),
      ),
    ];
  }
  return [];
}

function wiresLeadIn(count: number): string {
  return count === 1 ? '1 wire leads into it' : `${count} wires lead into it`;
}
