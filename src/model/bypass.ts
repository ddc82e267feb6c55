import type { LayerNode } from '../shared/model-spec';
import type { Fix } from './edit-types';
import type { Graph } from './graph';
import { incomingOf, outgoingOf } from './graph';

/**
 * Deletes a one-input layer and wires its input straight to its consumers, keeping their
 * ports: the repair for a layer that is in the way.
 */
export function bypass(graph: Graph, node: LayerNode, label: string): Fix | undefined {
  const [wire] = incomingOf(graph, node.id);
  if (!wire) return undefined;
  return {
    label,
    edits: [
      { type: 'removeNode', id: node.id },
      ...outgoingOf(graph, node.id).map((out) => ({
        type: 'connect' as const,
        edge: { ...out, from: wire.from },
      })),
    ],
  };
}
