import type { SpecEdit } from '../../model/edit-types';
import { newLayer } from '../../model/new-layer';
import type { LayerKind, LayerNode, ModelSpec, NodeId } from '../../shared/model-spec';

/** Vertical gap between a layer and one added below it. */
export const ADD_BELOW_GAP = 100;

/** Horizontal step to the side when the spot below is taken. */
export const SIDE_STEP = 220;

/**
 * `wanted`, or the first spot to its right that no layer covers, so a layer added below one
 * that already has a successor does not hide it.
 */
export function freeSpot(spec: ModelSpec, wanted: { x: number; y: number }) {
  const taken = (x: number) =>
    spec.nodes.some(
      ({ position }) =>
        position &&
        Math.abs(position.x - x) < SIDE_STEP - 20 &&
        Math.abs(position.y - wanted.y) < ADD_BELOW_GAP - 20,
    );
  let x = wanted.x;
  while (taken(x)) x += SIDE_STEP;
  return { x, y: wanted.y };
}

/** A fresh layer of `kind` (unique id, defaults) placed at `position` on the canvas. */
export function layerAt(
  spec: ModelSpec,
  kind: LayerKind,
  position: { x: number; y: number },
): LayerNode {
  return { ...newLayer(spec, kind), position } as LayerNode;
}

/**
 * Edits that add a `kind` layer below `below` and wire `below` into it, the way a keyboard
 * or touch user grows a network one layer at a time. Without `below`, the layer goes under
 * the lowest one, unwired. Returns the new layer's id, to select it.
 */
export function addBelowEdits(
  spec: ModelSpec,
  kind: LayerKind,
  below: NodeId | undefined,
): { edits: SpecEdit[]; id: NodeId } {
  const anchor = spec.nodes.find((node) => node.id === below);
  const lowest = spec.nodes.reduce<LayerNode | undefined>(
    (low, node) => ((node.position?.y ?? 0) > (low?.position?.y ?? -Infinity) ? node : low),
    undefined,
  );
  const from = anchor ?? lowest;
  const position = from?.position
    ? { x: from.position.x, y: from.position.y + ADD_BELOW_GAP }
    : { x: 0, y: 0 };
  const node = layerAt(spec, kind, freeSpot(spec, position));
  const edits: SpecEdit[] = [{ type: 'addNode', node }];
  if (anchor && kind !== 'input')
    edits.push({ type: 'connect', edge: nextWire(spec, anchor.id, node.id) });
  return { edits, id: node.id };
}

/**
 * A wire from `from` into `to`, numbered after the wires already entering `to`, so a new
 * input of an Add or Concatenate joins at the end.
 */
export function nextWire(spec: ModelSpec, from: NodeId, to: NodeId) {
  const entering = spec.edges.filter((edge) => edge.to === to);
  if (entering.length === 0) return { from, to };
  const port = Math.max(...entering.map((edge, i) => edge.port ?? i)) + 1;
  return { from, to, port };
}
