import type { Shape } from '../../shared/model-spec';
import type { ShapeProblem } from './types';
import { formatShape } from './shape-utils';

/** Most wires a merge layer accepts; a bound keeps the canvas readable. */
export const MAX_MERGE_INPUTS = 8;

/** Input shapes listed for a message: `8×8×16 and 8×8×32`. */
export function listShapes(shapes: Shape[]): string {
  const names = shapes.map(formatShape);
  return names.length <= 2
    ? names.join(' and ')
    : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

/** A problem with the shapes reaching a merge layer; no repair is obvious. */
export function mergeProblem(problem: string): ShapeProblem {
  return { problem };
}
