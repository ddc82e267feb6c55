import { layers } from '../../model/layers';
import type { LayerKind } from '../../shared/model-spec';

/** One palette section: a category and its layer kinds, in registry order. */
export interface PaletteGroup {
  category: string;
  kinds: LayerKind[];
}

/** The palette's sections, in the order their categories first appear in the registry. */
export function paletteGroups(): PaletteGroup[] {
  const groups = new Map<string, LayerKind[]>();
  for (const kind of Object.keys(layers) as LayerKind[]) {
    const category = layers[kind].category;
    groups.set(category, [...(groups.get(category) ?? []), kind]);
  }
  return [...groups].map(([category, kinds]) => ({ category, kinds }));
}
