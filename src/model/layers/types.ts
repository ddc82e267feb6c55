import type { LayerConfigs, LayerKind, Shape } from '../../shared/model-spec';

/**
 * A one-click repair a layer definition can propose for its own problem, without knowing the
 * graph: `analyse` turns it into `SpecEdit`s on the right node and wire.
 */
export type ShapeFix =
  /** Merge `config` into the layer's config. */
  | { label: string; config: Record<string, unknown> }
  /** Put a default layer of this kind on the wire into the layer. */
  | { label: string; insertBefore: LayerKind }
  /** Delete the layer and wire its input straight to its consumers. */
  | { label: string; bypass: true };

/** Why a layer cannot produce an output shape, in words a student can act on. */
export interface ShapeProblem {
  /** What is wrong and, when no one-click fix exists, what to change. */
  problem: string;
  fix?: ShapeFix;
}

/** How the inspector edits one config key; the form is generated from these. */
export type FieldSpec =
  | {
      key: string;
      label: string;
      type: 'int' | 'number';
      min?: number;
      max?: number;
      step?: number;
      help?: string;
    }
  | {
      key: string;
      label: string;
      type: 'select';
      options: readonly { value: string; label: string }[];
      help?: string;
    }
  | { key: string; label: string; type: 'boolean'; help?: string }
  /** The Input layer's [height, width, channels]. */
  | { key: string; label: string; type: 'shape'; help?: string }
  /** An `{ l1, l2 }` kernel regulariser. */
  | { key: string; label: string; type: 'regularizer'; help?: string };

/** Everything the studio knows about one layer kind, independent of tfjs. */
export interface LayerDefinition<K extends LayerKind> {
  kind: K;
  /** Name shown in the palette and on the canvas. */
  label: string;
  /** One sentence explaining what the layer does. */
  description: string;
  /** The configuration a freshly dropped layer gets. */
  defaults: LayerConfigs[K];
  /** Palette group: 'Input', 'Convolution', 'Pooling', 'Core', 'Regularisation', 'Merge', ... */
  category: string;
  /** The editable config keys, in inspector order. */
  fields: readonly FieldSpec[];
  /** How many incoming wires the layer accepts. */
  inputs: { min: number; max: number };
  /** Output shape for the given input shapes, or why there is none (bad config included). */
  inferShape(inputShapes: Shape[], config: LayerConfigs[K]): Shape | ShapeProblem;
  /**
   * Parameters as tfjs's `countParams()` counts them (BatchNormalization's moving statistics
   * included); called only after `inferShape` succeeded.
   */
  params(inputShapes: Shape[], config: LayerConfigs[K]): number;
  /** The part of `params` that training does not update; 0 when omitted. */
  frozenParams?(inputShapes: Shape[], config: LayerConfigs[K]): number;
  /** Multiply-adds × 2 for one example; called only after `inferShape` succeeded. */
  flops(inputShapes: Shape[], outputShape: Shape, config: LayerConfigs[K]): number;
}

/** One definition per layer kind; adding a kind to `LayerConfigs` demands an entry here. */
export type LayerRegistry = { [K in LayerKind]: LayerDefinition<K> };

/** Narrows an `inferShape` result. */
export function isShapeProblem(result: Shape | ShapeProblem): result is ShapeProblem {
  return !Array.isArray(result);
}
