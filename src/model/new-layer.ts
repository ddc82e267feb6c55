import type {
  LayerConfigs,
  LayerKind,
  LayerNode,
  LayerNodeOf,
  ModelSpec,
} from '../shared/model-spec';
import { newNodeId } from './edits';
import { defaultConfig } from './layers';

/**
 * A fresh layer of `kind` for a fix to add to `spec`: a unique id, defaults overridden by
 * `config`, and a position between `near` layers so it appears where the student looks.
 */
export function newLayer<K extends LayerKind>(
  spec: ModelSpec,
  kind: K,
  config: Partial<LayerConfigs[K]> = {},
  near: readonly (LayerNode | undefined)[] = [],
): LayerNodeOf<K> {
  const id = newNodeId(spec, kind);
  const node: LayerNodeOf<K> = {
    id,
    kind,
    name: id,
    config: { ...defaultConfig(kind), ...config },
  };
  const placed = near.flatMap((other) => (other?.position ? [other.position] : []));
  if (placed.length > 0) {
    node.position = {
      x: average(placed.map((p) => p.x)),
      y: average(placed.map((p) => p.y)),
    };
  }
  return node;
}

/** Where a layer appended below `node` goes. */
export function below(node: LayerNode, distance = 100): LayerNode {
  const { x, y } = node.position ?? { x: 0, y: 0 };
  return { ...node, position: { x, y: y + distance } };
}

function average(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}
