import type { DatasetShape, SpecEdit } from '../../model/analyse';
import { analyse } from '../../model/analyse';
import type { ModelSpec } from '../../shared/model-spec';

/** The edits that fit a network to a dataset, and a sentence saying what they did. */
export interface Adaptation {
  edits: SpecEdit[];
  notice: string;
}

/** An edit that only sets the key `key` of a layer's config. */
function setsOnly(edit: SpecEdit, key: string): boolean {
  return edit.type === 'updateConfig' && Object.keys(edit.config).join() === key;
}

/**
 * How to fit `spec` to a dataset of another image shape or class count: the builder's own
 * one-click fixes for the Input's shape and the output's units, taken together so one undo
 * puts the network back. Other repairs (adding layers) are left to the user, who sees them as
 * problems in the builder. The output is left alone while the dataset has fewer than two
 * classes. Null when there is nothing of that kind to change.
 */
export function networkAdaptation(spec: ModelSpec, dataset: DatasetShape): Adaptation | null {
  const edits: SpecEdit[] = [];
  let shape = false;
  let units = false;
  for (const problem of analyse(spec, dataset).problems) {
    const fixEdits = problem.fix?.edits ?? [];
    if (fixEdits.length === 0) continue;
    if (fixEdits.every((edit) => setsOnly(edit, 'shape'))) shape = true;
    // A webcam dataset starts with no classes; a classifier needs two, so wait for them.
    else if (dataset.classes >= 2 && fixEdits.every((edit) => setsOnly(edit, 'units'))) {
      units = true;
    } else continue;
    edits.push(...fixEdits);
  }
  if (edits.length === 0) return null;
  const parts = [
    shape ? `${dataset.shape.join('×')} images` : null,
    units ? `${dataset.classes} classes` : null,
  ].filter((part) => part !== null);
  return { edits, notice: `Adapted the network to ${parts.join(' and ')}.` };
}
