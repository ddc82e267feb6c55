import type { Edge, LayerNode, ModelSpec, NodeId } from '../shared/model-spec';

/**
 * One change to a ModelSpec, as data. The builder, the one-click fixes, templates and the
 * undo history all speak in edits, so every change goes through one pure `applyEdit`.
 */
export type SpecEdit =
  | { type: 'addNode'; node: LayerNode }
  /** Removes the node and every wire touching it. */
  | { type: 'removeNode'; id: NodeId }
  | { type: 'connect'; edge: Edge }
  | { type: 'disconnect'; edge: Edge }
  /** Merges `config` into the node's config; keys must belong to the node's kind. */
  | { type: 'updateConfig'; id: NodeId; config: Record<string, unknown> }
  | { type: 'rename'; id: NodeId; name: string }
  | { type: 'moveNode'; id: NodeId; position: { x: number; y: number } }
  /** Puts `node` on the wire from → to (or, with no such wire, between them). */
  | { type: 'insertBetween'; node: LayerNode; from: NodeId; to: NodeId }
  | { type: 'replaceSpec'; spec: ModelSpec };

/** A one-click repair offered with a problem: its button label and the edits it makes. */
export interface Fix {
  label: string;
  edits: SpecEdit[];
}
