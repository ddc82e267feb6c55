import type {
  Edge,
  LayerConfigs,
  LayerKind,
  LayerNode,
  ModelSpec,
  NodeId,
} from '../shared/model-spec';
import { layer } from './spec-builder';

/** Canvas distance between columns (side branches) and rows (successive layers). */
export const COLUMN_WIDTH = 240;
export const ROW_HEIGHT = 100;

/**
 * Builds a template top to bottom: each `add` puts a layer on the next row of the main
 * column, wired from the layers named; `side` puts a layer next to the current row, for
 * the short branch of a skip connection.
 */
export class TemplateDraft {
  private readonly nodes: LayerNode[] = [];
  private readonly edges: Edge[] = [];
  private row = -1;

  /** Appends a layer on a new row, wired from `from` (the previous layer by default). */
  add<K extends LayerKind>(
    kind: K,
    id: NodeId,
    config: Partial<LayerConfigs[K]> = {},
    from: NodeId[] = this.last(),
  ): NodeId {
    this.row++;
    return this.place(kind, id, config, from, 0);
  }

  /** Puts a layer in column `column` of the current row, wired from `from`. */
  side<K extends LayerKind>(
    kind: K,
    id: NodeId,
    config: Partial<LayerConfigs[K]>,
    from: NodeId[],
    column = 1,
  ): NodeId {
    return this.place(kind, id, config, from, column);
  }

  /** The spec drawn so far. */
  spec(): ModelSpec {
    return { nodes: [...this.nodes], edges: [...this.edges] };
  }

  private place<K extends LayerKind>(
    kind: K,
    id: NodeId,
    config: Partial<LayerConfigs[K]>,
    from: NodeId[],
    column: number,
  ): NodeId {
    const node = layer(kind, id, config);
    node.position = { x: column * COLUMN_WIDTH, y: this.row * ROW_HEIGHT };
    this.nodes.push(node as LayerNode);
    from.forEach((source, port) => {
      this.edges.push(from.length > 1 ? { from: source, to: id, port } : { from: source, to: id });
    });
    this.lastMain = column === 0 ? id : this.lastMain;
    return id;
  }

  private lastMain: NodeId | undefined;

  private last(): NodeId[] {
    return this.lastMain === undefined ? [] : [this.lastMain];
  }
}
