import type { Edge as FlowEdgeBase, Node as FlowNodeBase } from '@xyflow/react';
import type { Analysis } from '../../model/analyse';
import { formatShape, layerDefinition } from '../../model/layers';
import type { Edge, LayerNode, ModelSpec, NodeId } from '../../shared/model-spec';
import type { Size } from './layout';

/** What a layer's box on the canvas shows. */
export interface LayerNodeData extends Record<string, unknown> {
  layer: LayerNode;
  label: string;
  /** Output shape as students read it (`24×24×8`), when it could be worked out. */
  shape?: string;
  params?: number;
  /** Problems pinned to this layer, in words. */
  problems: string[];
}

/** What a wire shows: the tensor shape flowing on it. */
export interface ShapeEdgeData extends Record<string, unknown> {
  wire: Edge;
  shape?: string;
}

export type LayerFlowNode = FlowNodeBase<LayerNodeData, 'layer'>;
export type ShapeFlowEdge = FlowEdgeBase<ShapeEdgeData, 'shape'>;

/**
 * What the canvas holds besides the spec: positions mid-drag (committed as one edit when the
 * drag ends), sizes the canvas measured, and which wires are selected.
 */
export interface CanvasOverlay {
  dragging: Readonly<Record<NodeId, { x: number; y: number }>>;
  measured: Readonly<Record<NodeId, Size>>;
  selectedEdges: ReadonlySet<string>;
}

export const EMPTY_OVERLAY: CanvasOverlay = {
  dragging: {},
  measured: {},
  selectedEdges: new Set(),
};

/** The canvas id of a wire; stable for the same from, to and port. */
export function edgeId(edge: Edge): string {
  return `${edge.from}->${edge.to}#${edge.port ?? 0}`;
}

/** The spec's layers as canvas nodes; the canvas is a projection of the spec, never a copy. */
export function projectNodes(
  spec: ModelSpec,
  analysis: Analysis,
  selection: readonly NodeId[],
  overlay: CanvasOverlay,
): LayerFlowNode[] {
  const selected = new Set(selection);
  return spec.nodes.map((layer, i) => {
    const shape = analysis.shapes[layer.id];
    const measured = overlay.measured[layer.id];
    const data: LayerNodeData = {
      layer,
      label: layerDefinition(layer.kind).label,
      problems: analysis.problems
        .filter((problem) => problem.nodeId === layer.id)
        .map((problem) => problem.message),
    };
    if (shape) data.shape = formatShape(shape);
    const params = analysis.params[layer.id];
    if (params !== undefined) data.params = params;
    const node: LayerFlowNode = {
      id: layer.id,
      type: 'layer',
      position: overlay.dragging[layer.id] ?? layer.position ?? { x: 0, y: i * 100 },
      data,
      selected: selected.has(layer.id),
      ariaLabel: `${layer.name ?? layer.id}, ${data.label} layer`,
    };
    if (measured) node.measured = measured;
    return node;
  });
}

/** The spec's wires as canvas edges, each labelled with the shape leaving its source. */
export function projectEdges(
  spec: ModelSpec,
  analysis: Analysis,
  overlay: CanvasOverlay,
): ShapeFlowEdge[] {
  return spec.edges.map((wire) => {
    const id = edgeId(wire);
    const shape = analysis.shapes[wire.from];
    const data: ShapeEdgeData = { wire };
    if (shape) data.shape = formatShape(shape);
    return {
      id,
      type: 'shape',
      source: wire.from,
      target: wire.to,
      data,
      selected: overlay.selectedEdges.has(id),
      ariaLabel: `Wire from ${wire.from} to ${wire.to}${data.shape ? `, carrying ${data.shape}` : ''}`,
    };
  });
}
