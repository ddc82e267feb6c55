/**
 * The network as plain data: the single source of truth that the builder edits, shape
 * inference reads, the worker compiles and project files store. Pure types only.
 */

/** Stable identifier of a layer node inside one spec. */
export type NodeId = string;

/** Activation functions a layer can apply. */
export type ActivationName = 'linear' | 'relu' | 'sigmoid' | 'tanh' | 'softmax';

export type Padding = 'valid' | 'same';

/** Every layer kind's configuration, keyed by kind. New kinds extend this map. */
export interface LayerConfigs {
  input: { shape: [number, number, number] };
  conv2d: {
    filters: number;
    kernelSize: number;
    strides: number;
    padding: Padding;
    activation: ActivationName;
    useBias: boolean;
  };
  maxPool2d: { poolSize: number; strides: number; padding: Padding };
  flatten: Record<string, never>;
  dense: { units: number; activation: ActivationName; useBias: boolean };
  dropout: { rate: number };
}

export type LayerKind = keyof LayerConfigs;

/** One layer of the graph, for one kind. */
export interface LayerNodeOf<K extends LayerKind> {
  id: NodeId;
  kind: K;
  config: LayerConfigs[K];
  name?: string;
  position?: { x: number; y: number };
}

/** One layer of the graph; discriminated on `kind`. */
export type LayerNode = { [K in LayerKind]: LayerNodeOf<K> }[LayerKind];

/** A directed connection; `port` orders the inputs of multi-input layers. */
export interface Edge {
  from: NodeId;
  to: NodeId;
  port?: number;
}

export interface ModelSpec {
  nodes: LayerNode[];
  edges: Edge[];
}

/** Channels-last tensor shape; `null` is the batch dimension. */
export type Shape = (number | null)[];
