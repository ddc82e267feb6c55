import type { LayerNode, ModelSpec } from '../../shared/model-spec';

const CONV_KINDS: ReadonlySet<string> = new Set(['conv2d', 'depthwiseConv2d', 'separableConv2d']);

/** A layer the insight panels can name: its id and the name the builder shows. */
export interface NamedLayer {
  id: string;
  name: string;
}

const named = (node: LayerNode): NamedLayer => ({ id: node.id, name: node.name ?? node.id });

/** The spec's convolution layers, in the order they are listed. */
export function convLayers(spec: ModelSpec): NamedLayer[] {
  return spec.nodes.filter((node) => CONV_KINDS.has(node.kind)).map(named);
}

/** The spec's dense layers, in the order they are listed. */
export function denseLayers(spec: ModelSpec): NamedLayer[] {
  return spec.nodes.filter((node) => node.kind === 'dense').map(named);
}
