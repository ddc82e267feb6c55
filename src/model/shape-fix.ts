import type { LayerNode, ModelSpec } from '../shared/model-spec';
import type { Fix } from './edit-types';
import { bypass } from './bypass';
import type { Graph } from './graph';
import { incomingOf } from './graph';
import type { ShapeFix } from './layers';
import { newLayer } from './new-layer';

/** The edits that carry out a layer definition's proposed repair on `node`. */
export function shapeFixEdits(
  spec: ModelSpec,
  graph: Graph,
  node: LayerNode,
  fix: ShapeFix,
): Fix | undefined {
  if ('config' in fix) {
    return { label: fix.label, edits: [{ type: 'updateConfig', id: node.id, config: fix.config }] };
  }
  if ('bypass' in fix) return bypass(graph, node, fix.label);
  const [wire] = incomingOf(graph, node.id);
  if (!wire) return undefined;
  const inserted = newLayer(spec, fix.insertBefore, {}, [graph.nodes.get(wire.from), node]);
  return {
    label: fix.label,
    edits: [{ type: 'insertBetween', node: inserted as LayerNode, from: wire.from, to: node.id }],
  };
}
