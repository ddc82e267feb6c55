import type { NodeId, Shape } from '../shared/model-spec';

/** Something wrong with the network, in words a student can act on. */
export interface Problem {
  /** The offending layer, when there is one to point at. */
  nodeId?: NodeId;
  message: string;
  /** What to change, when the change is obvious. */
  fix?: string;
}

/** What the dataset asks of the network: one input image shape and a number of classes. */
export interface DatasetShape {
  /** Height, width, channels. */
  shape: [number, number, number];
  classes: number;
}

/** Everything the studio shows about a network before it is built. */
export interface Analysis {
  /** Layers in an order where each comes after all of its inputs; layers in loops are left out. */
  order: NodeId[];
  /** Output shape of every layer whose shape could be worked out. */
  shapes: Record<NodeId, Shape>;
  /** Trainable parameters per layer, for the layers in `shapes`. */
  params: Record<NodeId, number>;
  /** Multiply-adds × 2 per example, per layer, for the layers in `shapes`. */
  flops: Record<NodeId, number>;
  totalParams: number;
  totalFlops: number;
  /** Empty exactly when the network can be built and trained on the dataset. */
  problems: Problem[];
}
