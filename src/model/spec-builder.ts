import type {
  Edge,
  LayerConfigs,
  LayerKind,
  LayerNode,
  LayerNodeOf,
  ModelSpec,
  NodeId,
} from '../shared/model-spec';
import { defaultConfig } from './layers';

/** Vertical distance between stacked layers on the canvas. */
export const LAYER_SPACING = 100;

/** A layer of `kind` with its defaults overridden by `config`, named after its id. */
export function layer<K extends LayerKind>(
  kind: K,
  id: NodeId,
  config: Partial<LayerConfigs[K]> = {},
): LayerNodeOf<K> {
  return { id, kind, name: id, config: { ...defaultConfig(kind), ...config } };
}

/** Wires `nodes` one after another, stacking unplaced ones top to bottom on the canvas. */
export function chain(nodes: LayerNode[]): ModelSpec {
  const edges: Edge[] = nodes.flatMap((node, i) => {
    const next = nodes[i + 1];
    return next ? [{ from: node.id, to: next.id }] : [];
  });
  return {
    nodes: nodes.map((node, i) => ({
      ...node,
      position: node.position ?? { x: 0, y: i * LAYER_SPACING },
    })),
    edges,
  };
}
