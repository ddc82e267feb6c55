import type { SpecEdit } from '../../model/edit-types';
import { newNodeId } from '../../model/edits';
import type { Edge, LayerNode, ModelSpec, NodeId } from '../../shared/model-spec';

/** Copied layers and the wires among them; wires to layers outside the copy are dropped. */
export interface Clip {
  nodes: LayerNode[];
  edges: Edge[];
}

/** How far a pasted copy is shifted, so it does not hide the original. */
export const PASTE_OFFSET = { x: 40, y: 40 };

/** The selected layers and the wires between them, or undefined when nothing is selected. */
export function copySelection(spec: ModelSpec, ids: readonly NodeId[]): Clip | undefined {
  const chosen = new Set(ids);
  const nodes = spec.nodes.filter((node) => chosen.has(node.id));
  if (nodes.length === 0) return undefined;
  const edges = spec.edges.filter((edge) => chosen.has(edge.from) && chosen.has(edge.to));
  return structuredClone({ nodes, edges });
}

/**
 * Edits that add a copy of `clip` to `spec`: fresh ids (a pasted Input stays an Input, and
 * the validator will say if two are too many), names following the ids, shifted positions,
 * and the copied wires between the copies. Also returns the new ids, to select them.
 */
export function pasteEdits(
  spec: ModelSpec,
  clip: Clip,
  offset = PASTE_OFFSET,
): { edits: SpecEdit[]; ids: NodeId[] } {
  const renamed = new Map<NodeId, NodeId>();
  // New ids must also avoid the ones handed out earlier in this same paste.
  let working: ModelSpec = spec;
  const edits: SpecEdit[] = [];
  for (const original of clip.nodes) {
    const id = newNodeId(working, original.kind);
    renamed.set(original.id, id);
    const position = original.position ?? { x: 0, y: 0 };
    const node = {
      ...structuredClone(original),
      id,
      name: id,
      position: { x: position.x + offset.x, y: position.y + offset.y },
    } as LayerNode;
    working = { ...working, nodes: [...working.nodes, node] };
    edits.push({ type: 'addNode', node });
  }
  for (const edge of clip.edges) {
    const from = renamed.get(edge.from);
    const to = renamed.get(edge.to);
    if (from && to) edits.push({ type: 'connect', edge: { ...edge, from, to } });
  }
  return { edits, ids: [...renamed.values()] };
}
