import type { Edge, LayerNode, ModelSpec, NodeId } from '../shared/model-spec';

/** A spec indexed for walking: nodes by id and wires by either end. */
export interface Graph {
  /** The first node with each id; later duplicates are in `duplicates`. */
  nodes: Map<NodeId, LayerNode>;
  duplicates: LayerNode[];
  /** Wires between known nodes. */
  edges: Edge[];
  /** Wires naming a node that does not exist. */
  danglingEdges: Edge[];
  /** Wires into each node, ordered by port. */
  incoming: Map<NodeId, Edge[]>;
  outgoing: Map<NodeId, Edge[]>;
}

/** Indexes `spec` without judging it; the checks decide what is wrong. */
export function buildGraph(spec: ModelSpec): Graph {
  const nodes = new Map<NodeId, LayerNode>();
  const duplicates: LayerNode[] = [];
  for (const node of spec.nodes) {
    if (nodes.has(node.id)) duplicates.push(node);
    else nodes.set(node.id, node);
  }
  const edges = spec.edges.filter((edge) => nodes.has(edge.from) && nodes.has(edge.to));
  const danglingEdges = spec.edges.filter((edge) => !edges.includes(edge));
  const incoming = new Map<NodeId, Edge[]>();
  const outgoing = new Map<NodeId, Edge[]>();
  for (const id of nodes.keys()) {
    incoming.set(id, []);
    outgoing.set(id, []);
  }
  for (const edge of edges) {
    incoming.get(edge.to)?.push(edge);
    outgoing.get(edge.from)?.push(edge);
  }
  // Array.prototype.sort is stable, so wires without ports keep their spec order.
  for (const wires of incoming.values()) wires.sort((a, b) => (a.port ?? 0) - (b.port ?? 0));
  return { nodes, duplicates, edges, danglingEdges, incoming, outgoing };
}

/** The node with `id`, which the caller knows exists. */
export function nodeOf(graph: Graph, id: NodeId): LayerNode {
  const node = graph.nodes.get(id);
  if (!node) throw new Error(`No layer with id '${id}'`);
  return node;
}

/** Wires into `id`, ordered by port. */
export function incomingOf(graph: Graph, id: NodeId): Edge[] {
  return graph.incoming.get(id) ?? [];
}

/** Wires out of `id`. */
export function outgoingOf(graph: Graph, id: NodeId): Edge[] {
  return graph.outgoing.get(id) ?? [];
}

/** Whether `id` has no wire at all. */
export function isIsolated(graph: Graph, id: NodeId): boolean {
  return incomingOf(graph, id).length === 0 && outgoingOf(graph, id).length === 0;
}

/**
 * Layers with no outgoing wire, i.e. candidate network outputs. A lone layer in an otherwise
 * wired graph is reported as unconnected instead, so it is not counted here.
 */
export function outputsOf(graph: Graph): LayerNode[] {
  const all = [...graph.nodes.values()];
  return all.filter(
    (node) =>
      outgoingOf(graph, node.id).length === 0 && (all.length === 1 || !isIsolated(graph, node.id)),
  );
}

/** The network's output, when there is exactly one. */
export function soleOutput(graph: Graph): LayerNode | undefined {
  const outputs = outputsOf(graph);
  return outputs.length === 1 ? outputs[0] : undefined;
}
