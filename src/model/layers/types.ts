import type { LayerConfigs, LayerKind, Shape } from '../../shared/model-spec';

/** Why a layer cannot produce an output shape, in words a student can act on. */
export interface ShapeProblem {
  problem: string;
  fix?: string;
}

/** Everything the studio knows about one layer kind, independent of tfjs. */
export interface LayerDefinition<K extends LayerKind> {
  kind: K;
  /** Name shown in the palette and on the canvas. */
  label: string;
  /** One sentence explaining what the layer does. */
  description: string;
  /** The configuration a freshly dropped layer gets. */
  defaults: LayerConfigs[K];
  /** How many incoming wires the layer accepts. */
  inputs: { min: number; max: number };
  /** Output shape for the given input shapes, or why there is none (bad config included). */
  inferShape(inputShapes: Shape[], config: LayerConfigs[K]): Shape | ShapeProblem;
  /** Trainable parameters; called only after `inferShape` succeeded. */
  params(inputShapes: Shape[], config: LayerConfigs[K]): number;
  /** Multiply-adds × 2 for one example; called only after `inferShape` succeeded. */
  flops(inputShapes: Shape[], outputShape: Shape, config: LayerConfigs[K]): number;
}

/** One definition per layer kind; adding a kind to `LayerConfigs` demands an entry here. */
export type LayerRegistry = { [K in LayerKind]: LayerDefinition<K> };

/** Narrows an `inferShape` result. */
export function isShapeProblem(result: Shape | ShapeProblem): result is ShapeProblem {
  return !Array.isArray(result);
}
