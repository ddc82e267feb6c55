import type { NodeId, Shape } from '../shared/model-spec';
import type { Fix } from './edit-types';

/** Something wrong with the network, in words a student can act on. */
export interface Problem {
  /** The offending layer, when there is one to point at. */
  nodeId?: NodeId;
  /** What is wrong and, when there is no one-click fix, what to change. */
  message: string;
  /** A one-click repair, when the change is obvious. */
  fix?: Fix;
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
  /**
   * Parameters per layer, for the layers in `shapes`, as tfjs counts them (BatchNorm's
   * moving statistics included).
   */
  params: Record<NodeId, number>;
  /** Multiply-adds × 2 per example, per layer, for the layers in `shapes`. */
  flops: Record<NodeId, number>;
  /** Bytes of each layer's output for one example (float32), for the layers in `shapes`. */
  activationBytes: Record<NodeId, number>;
  totalParams: number;
  /** The parameters the optimizer updates: `totalParams` less BatchNorm's moving statistics. */
  totalTrainableParams: number;
  totalFlops: number;
  /** Bytes of every layer's output for one example. */
  totalActivationBytes: number;
  /** Empty exactly when the network can be built and trained on the dataset. */
  problems: Problem[];
}
