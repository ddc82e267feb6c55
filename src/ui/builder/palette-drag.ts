import { layers } from '../../model/layers';
import type { LayerKind } from '../../shared/model-spec';

/** The drag-and-drop data type that carries a layer kind from the palette to the canvas. */
export const LAYER_KIND_MIME = 'application/x-layerwise-layer';

/** Whether `value` names a layer kind the studio knows. */
export function isLayerKind(value: string): value is LayerKind {
  return Object.hasOwn(layers, value);
}

/** Whether a drag carries a layer; while dragging, browsers hide the data but not its type. */
export function carriesLayer(data: DataTransfer): boolean {
  return data.types.includes(LAYER_KIND_MIME);
}

/** The layer kind a dropped drag carries, or undefined when it carries none. */
export function kindFromDrag(data: DataTransfer): LayerKind | undefined {
  const kind = data.getData(LAYER_KIND_MIME);
  return isLayerKind(kind) ? kind : undefined;
}
