import type { LinearScale } from './scale';
import { project } from './scale';
import type { XY } from './types';

/**
 * Thins a series sorted by x to at most two points per pixel column, its lowest and highest
 * (in x order), so spikes survive and drawing costs the same however long a run grows. The
 * first and last points are always kept: the curve starts and ends where the data does.
 */
export function downsample(points: readonly XY[], x: LinearScale): readonly XY[] {
  if (points.length <= 2) return points;
  const kept: XY[] = [];
  let column = Number.NaN;
  let low = points[0] as XY;
  let high = low;
  const flush = () => {
    if (low === high) kept.push(low);
    else if (low.x <= high.x) kept.push(low, high);
    else kept.push(high, low);
  };
  for (const point of points) {
    const at = Math.floor(project(x, point.x));
    if (at !== column) {
      if (!Number.isNaN(column)) flush();
      column = at;
      low = high = point;
    } else if (point.y < low.y) low = point;
    else if (point.y > high.y) high = point;
  }
  flush();
  const first = points[0] as XY;
  const last = points[points.length - 1] as XY;
  if (kept[0] !== first) kept.unshift(first);
  if (kept[kept.length - 1] !== last) kept.push(last);
  return kept;
}
