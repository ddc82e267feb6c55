import type { InsightResult, SplitName } from '../../shared/insights';
import type { InsightContext } from './context';
import { checkIndices } from './image';

type Examples = Extract<InsightResult, { kind: 'examples' }>;

/** Uint8 pixels of some examples of a split, copied from the host dataset, in the given order. */
export function examples(ctx: InsightContext, split: SplitName, indices: number[]): Examples {
  if (!Array.isArray(indices)) throw new Error('indices must be an array');
  checkIndices(ctx, split, indices);
  const { host } = ctx.dataset;
  const shape = host.shape;
  const size = shape[0] * shape[1] * shape[2];
  const order = ctx.dataset.split[split];
  const pixels = new Uint8Array(indices.length * size);
  indices.forEach((index, i) => {
    const at = order[index] ?? 0;
    pixels.set(host.pixels.subarray(at * size, (at + 1) * size), i * size);
  });
  return { kind: 'examples', split, indices: [...indices], shape: [...shape], pixels };
}
