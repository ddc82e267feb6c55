/**
 * The network as plain data: the single source of truth that the builder edits, shape
 * inference reads, the worker compiles and project files store. Pure types only.
 */

/** Stable identifier of a layer node inside one spec. */
export type NodeId = string;

/** Activation functions a layer can apply (the names tfjs uses). */
export const ACTIVATION_NAMES = [
  'linear',
  'relu',
  'relu6',
  'elu',
  'selu',
  'sigmoid',
  'tanh',
  'softmax',
  'softplus',
  'swish',
  'gelu',
] as const;

export type ActivationName = (typeof ACTIVATION_NAMES)[number];

/** What the standalone Activation layer can apply: the above, plus LeakyReLU with its slope. */
export type ActivationLayerName = ActivationName | 'leakyRelu';

export type Padding = 'valid' | 'same';

/** Weight initialisers offered on layers with weights (tfjs names). */
export type InitializerName =
  'glorotUniform' | 'glorotNormal' | 'heUniform' | 'heNormal' | 'lecunNormal' | 'zeros';

/** L1/L2 penalties on a layer's kernel; 0 and 0 mean none. */
export interface Regularizer {
  l1: number;
  l2: number;
}

/** Options of layers that own a kernel. */
export interface KernelOptions {
  kernelInitializer: InitializerName;
  kernelRegularizer: Regularizer;
}

/** Options shared by the sliding-window layers. */
export interface WindowOptions {
  kernelSize: number;
  strides: number;
  padding: Padding;
  dilation: number;
}

/** Where a pretrained base comes from: a `model.json` URL, or files the user gave (kept by the worker under `id`). */
export type PretrainedSource =
  { kind: 'url'; url: string } | { kind: 'files'; id: string; name: string };

/** One layer of a loaded pretrained base, as the worker read it. */
export interface PretrainedLayerFacts {
  name: string;
  /** The tfjs class name, e.g. 'Conv2D'. */
  className: string;
  /** Output shape with the batch dimension as null. */
  outputShape: Shape;
  /** This layer's own parameters (moving statistics included). */
  params: number;
  /** The part of `params` training may update when the layer is not frozen. */
  trainableParams: number;
  /** The layers feeding this one (empty for the first layer). */
  inputs: string[];
  /** The activation the layer applies last, when it has one (e.g. 'softmax' for a classifier). */
  activation?: string;
}

/**
 * What the studio knows about a loaded base without tfjs: filled in when the base is loaded,
 * checked again when the network is built. `layers` are in the base's topological order.
 */
export interface PretrainedFacts {
  inputShape: [number, number, number];
  layers: PretrainedLayerFacts[];
}

/** Every layer kind's configuration, keyed by kind. New kinds extend this map. */
export interface LayerConfigs {
  input: { shape: [number, number, number] };
  conv2d: WindowOptions &
    KernelOptions & { filters: number; activation: ActivationName; useBias: boolean };
  depthwiseConv2d: WindowOptions &
    KernelOptions & { depthMultiplier: number; activation: ActivationName; useBias: boolean };
  separableConv2d: WindowOptions &
    KernelOptions & {
      filters: number;
      depthMultiplier: number;
      activation: ActivationName;
      useBias: boolean;
    };
  maxPool2d: { poolSize: number; strides: number; padding: Padding };
  avgPool2d: { poolSize: number; strides: number; padding: Padding };
  globalAvgPool2d: Record<string, never>;
  globalMaxPool2d: Record<string, never>;
  batchNorm: { momentum: number; epsilon: number };
  dropout: { rate: number };
  spatialDropout2d: { rate: number };
  flatten: Record<string, never>;
  dense: KernelOptions & { units: number; activation: ActivationName; useBias: boolean };
  /** `alpha` is LeakyReLU's negative slope and ELU's scale; other activations ignore it. */
  activation: { activation: ActivationLayerName; alpha: number };
  add: Record<string, never>;
  /** Joins inputs along the channel (last) axis. */
  concatenate: Record<string, never>;
  /** output = input × scale + offset, e.g. scale 1/255 maps pixels to [0, 1]. */
  rescaling: { scale: number; offset: number };
  zeroPadding2d: { top: number; bottom: number; left: number; right: number };
  /**
   * A pretrained tfjs layers model, cut after `cutLayer`; all its layers are frozen except
   * the last `trainableLayers` layers with weights. `base` is null until the base is loaded.
   */
  pretrainedBase: {
    source: PretrainedSource;
    cutLayer: string;
    trainableLayers: number;
    base: PretrainedFacts | null;
  };
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
