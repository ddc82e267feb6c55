import type { GraphLabel, NodeLabel } from '@dagrejs/dagre';
import dagre from '@dagrejs/dagre';
import type { SpecEdit } from '../../model/edit-types';
import type { ModelSpec, NodeId } from '../../shared/model-spec';

/** A layer's size on the canvas; measured by the canvas, or this default before it is. */
export interface Size {
  width: number;
  height: number;
}

export const DEFAULT_NODE_SIZE: Size = { width: 180, height: 64 };

/**
 * Edits that arrange the layers top to bottom with dagre, inputs first, so the data flows
 * down the screen as students read a network. Positions are rounded, so a layout repeated
 * on an unchanged graph makes no edit.
 */
export function autoLayoutEdits(
  spec: ModelSpec,
  sizes: Readonly<Record<NodeId, Size>> = {},
): SpecEdit[] {
  const graph = new dagre.graphlib.Graph<GraphLabel, NodeLabel, object>();
  graph.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 40 });
  graph.setDefaultEdgeLabel(() => ({}));
  const sizeOf = (id: NodeId) => sizes[id] ?? DEFAULT_NODE_SIZE;
  for (const node of spec.nodes) graph.setNode(node.id, { ...sizeOf(node.id) });
  for (const edge of spec.edges) {
    if (graph.hasNode(edge.from) && graph.hasNode(edge.to)) graph.setEdge(edge.from, edge.to);
  }
  dagre.layout(graph);
  return spec.nodes.flatMap((node): SpecEdit[] => {
    const placed = graph.node(node.id);
    const size = sizeOf(node.id);
    const { x = 0, y = 0 } = placed;
    // dagre gives centres; the canvas positions nodes by their top-left corner.
    const position = {
      x: Math.round(x - size.width / 2),
      y: Math.round(y - size.height / 2),
    };
    if (node.position?.x === position.x && node.position.y === position.y) return [];
    return [{ type: 'moveNode', id: node.id, position }];
  });
}
