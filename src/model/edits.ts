import type { Edge, LayerKind, LayerNode, ModelSpec, NodeId } from '../shared/model-spec';
import { assertNever } from '../shared/assert-never';
import type { SpecEdit } from './edit-types';

export type { Fix, SpecEdit } from './edit-types';

/**
 * `spec` with `edit` applied, as a new object; `spec` itself is never changed, so undo can
 * keep the old one. Edits naming layers that do not exist change nothing rather than throw:
 * a stale click must not crash the builder.
 */
export function applyEdit(spec: ModelSpec, edit: SpecEdit): ModelSpec {
  switch (edit.type) {
    case 'addNode':
      return { nodes: [...spec.nodes, edit.node], edges: spec.edges };
    case 'removeNode':
      return {
        nodes: spec.nodes.filter((node) => node.id !== edit.id),
        edges: spec.edges.filter((edge) => edge.from !== edit.id && edge.to !== edit.id),
      };
    case 'connect':
      return spec.edges.some((edge) => sameWire(edge, edit.edge))
        ? spec
        : { nodes: spec.nodes, edges: [...spec.edges, edit.edge] };
    case 'disconnect':
      return {
        nodes: spec.nodes,
        edges: spec.edges.filter((edge) => !matchesWire(edge, edit.edge)),
      };
    case 'updateConfig':
      return mapNode(
        spec,
        edit.id,
        (node) => ({ ...node, config: { ...node.config, ...edit.config } }) as LayerNode,
      );
    case 'rename':
      return mapNode(spec, edit.id, (node) => ({ ...node, name: edit.name }));
    case 'moveNode':
      return mapNode(spec, edit.id, (node) => ({ ...node, position: { ...edit.position } }));
    case 'insertBetween':
      return insertBetween(spec, edit.node, edit.from, edit.to);
    case 'replaceSpec':
      return edit.spec;
    default:
      return assertNever(edit);
  }
}

/** `edits` applied in order; the input spec is left untouched. */
export function applyEdits(spec: ModelSpec, edits: readonly SpecEdit[]): ModelSpec {
  return edits.reduce(applyEdit, spec);
}

/**
 * An id for a new layer of `kind` that no layer in `spec` has: `conv2d_1`, `conv2d_2`, …,
 * counting on from the layers of that kind already there.
 */
export function newNodeId(spec: ModelSpec, kind: LayerKind): NodeId {
  const taken = new Set(spec.nodes.map((node) => node.id));
  let n = spec.nodes.filter((node) => node.kind === kind).length + 1;
  while (taken.has(`${kind}_${n}`)) n++;
  return `${kind}_${n}`;
}

function mapNode(spec: ModelSpec, id: NodeId, change: (node: LayerNode) => LayerNode): ModelSpec {
  if (!spec.nodes.some((node) => node.id === id)) return spec;
  return {
    nodes: spec.nodes.map((node) => (node.id === id ? change(node) : node)),
    edges: spec.edges,
  };
}

/** The wire from → to is replaced by from → node → to, keeping the port into `to`. */
function insertBetween(spec: ModelSpec, node: LayerNode, from: NodeId, to: NodeId): ModelSpec {
  const old = spec.edges.find((edge) => edge.from === from && edge.to === to);
  const into: Edge = { from: node.id, to };
  if (old?.port !== undefined) into.port = old.port;
  return {
    nodes: [...spec.nodes, node],
    edges: [...spec.edges.filter((edge) => edge !== old), { from, to: node.id }, into],
  };
}

function sameWire(a: Edge, b: Edge): boolean {
  return a.from === b.from && a.to === b.to && a.port === b.port;
}

/** A disconnect without a port removes every wire between the two layers. */
function matchesWire(edge: Edge, target: Edge): boolean {
  return (
    edge.from === target.from &&
    edge.to === target.to &&
    (target.port === undefined || edge.port === target.port)
  );
}
