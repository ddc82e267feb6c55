import { z } from 'zod';
import { ACTIVATION_NAMES } from '../model-spec';
import type {
  ActivationLayerName,
  InitializerName,
  LayerConfigs,
  LayerKind,
  LayerNode,
  ModelSpec,
} from '../model-spec';

/**
 * The ModelSpec as a zod schema: every field of every layer kind with its type, so a project
 * file cannot hand the builder a config it would trip over. Values in range (a filter count of
 * 0, a dropout rate of 2) are left to the layer definitions, which explain them on the layer.
 */

/** A list that names every member of the union `T`, checked by the compiler. */
const every =
  <T extends string>() =>
  <const L extends readonly [T, ...T[]]>(list: L & ([T] extends [L[number]] ? unknown : never)) =>
    list;

const LAYER_ACTIVATIONS = every<ActivationLayerName>()([...ACTIVATION_NAMES, 'leakyRelu']);
const INITIALIZERS = every<InitializerName>()([
  'glorotUniform',
  'glorotNormal',
  'heUniform',
  'heNormal',
  'lecunNormal',
  'zeros',
]);

const int = z.number().int();
const padding = z.enum(['valid', 'same']);
const activation = z.enum(ACTIVATION_NAMES);
const window = { kernelSize: int, strides: int, padding, dilation: int };
const kernel = {
  kernelInitializer: z.enum(INITIALIZERS),
  kernelRegularizer: z.object({ l1: z.number(), l2: z.number() }),
};
const pooling = z.object({ poolSize: int, strides: int, padding });
const rate = z.object({ rate: z.number() });
const none = z.record(z.string(), z.never());
const dim = z.number().nullable();
const pretrainedFacts = z.object({
  inputShape: z.tuple([int, int, int]),
  layers: z.array(
    z.object({
      name: z.string(),
      className: z.string(),
      outputShape: z.array(dim),
      params: int,
      trainableParams: int,
      inputs: z.array(z.string()),
      activation: z.string().optional(),
    }),
  ),
});
const pretrainedSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('url'), url: z.string() }),
  z.object({ kind: z.literal('files'), id: z.string(), name: z.string() }),
]);

/** One schema per layer kind; adding a kind to `LayerConfigs` fails to compile until it is here. */
const CONFIGS: { [K in LayerKind]: z.ZodType<LayerConfigs[K]> } = {
  input: z.object({ shape: z.tuple([int, int, int]) }),
  conv2d: z.object({ ...window, ...kernel, filters: int, activation, useBias: z.boolean() }),
  depthwiseConv2d: z.object({
    ...window,
    ...kernel,
    depthMultiplier: int,
    activation,
    useBias: z.boolean(),
  }),
  separableConv2d: z.object({
    ...window,
    ...kernel,
    filters: int,
    depthMultiplier: int,
    activation,
    useBias: z.boolean(),
  }),
  maxPool2d: pooling,
  avgPool2d: pooling,
  globalAvgPool2d: none,
  globalMaxPool2d: none,
  batchNorm: z.object({ momentum: z.number(), epsilon: z.number() }),
  dropout: rate,
  spatialDropout2d: rate,
  flatten: none,
  dense: z.object({ ...kernel, units: int, activation, useBias: z.boolean() }),
  activation: z.object({ activation: z.enum(LAYER_ACTIVATIONS), alpha: z.number() }),
  add: none,
  concatenate: none,
  rescaling: z.object({ scale: z.number(), offset: z.number() }),
  zeroPadding2d: z.object({ top: int, bottom: int, left: int, right: int }),
  pretrainedBase: z.object({
    source: pretrainedSource,
    cutLayer: z.string(),
    trainableLayers: int,
    base: pretrainedFacts.nullable(),
  }),
};

const KINDS = Object.keys(CONFIGS) as LayerKind[];

const nodeSchema = z
  .object({
    id: z.string().min(1),
    kind: z.enum(KINDS as [LayerKind, ...LayerKind[]]),
    config: z.unknown(),
    name: z.string().optional(),
    position: z.object({ x: z.number(), y: z.number() }).optional(),
  })
  .transform((node, ctx): LayerNode => {
    const config = CONFIGS[node.kind].safeParse(node.config);
    if (!config.success) {
      for (const issue of config.error.issues) {
        ctx.addIssue({ ...issue, path: ['config', ...issue.path] });
      }
      return z.NEVER;
    }
    return { ...node, config: config.data } as LayerNode;
  });

/** A network as a project file or share link holds it. */
export const specSchema: z.ZodType<ModelSpec> = z.object({
  nodes: z.array(nodeSchema),
  edges: z.array(
    z.object({ from: z.string(), to: z.string(), port: int.nonnegative().optional() }),
  ),
});
