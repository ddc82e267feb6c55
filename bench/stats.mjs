/**
 * The bench's statistics: pure functions, shared by the runner (Node) and its unit tests.
 * Types are in stats.d.mts.
 */

/** The median of `values`, or null when there are none (a contender that never ran). */
export function median(values) {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return null;
  const sorted = [...finite].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** `a / b`, or null when either is missing or `b` is not above 0. */
export function ratio(a, b) {
  if (a === null || b === null || !Number.isFinite(a) || !Number.isFinite(b) || b <= 0) {
    return null;
  }
  return a / b;
}

/**
 * The order the contenders run in: every repetition runs each one once, and the order rotates
 * by one per repetition (A B C, B C A, C A B…), so none always runs first on a cold machine
 * or last on a hot one.
 */
export function alternation(contenders, reps) {
  const runs = [];
  for (let rep = 0; rep < reps; rep++) {
    for (let i = 0; i < contenders.length; i++) {
      runs.push({ rep, contender: contenders[(i + rep) % contenders.length] });
    }
  }
  return runs;
}

/**
 * Examples per second between timed marks `{ t, step }` (t in ms), leaving out the first
 * interval (shader compilation, data upload) and the time spent in pauses such as a validation
 * pass (`pauses`: `{ from, to }` in ms). The steps of an interval around a pause still count,
 * and so does whatever else that interval took. Null when nothing is left to measure.
 */
export function steadyRate(marks, batchSize, pauses = []) {
  const merged = mergedIntervals(pauses);
  let steps = 0;
  let ms = 0;
  for (let i = 2; i < marks.length; i++) {
    const from = marks[i - 1];
    const to = marks[i];
    const paused = merged.reduce(
      (sum, p) => sum + Math.max(0, Math.min(p.to, to.t) - Math.max(p.from, from.t)),
      0,
    );
    steps += to.step - from.step;
    ms += Math.max(0, to.t - from.t - paused);
  }
  return ms > 0 && steps > 0 ? (steps * batchSize * 1000) / ms : null;
}

/** `{ from, to }` intervals with the overlapping ones joined, so no time is left out twice. */
function mergedIntervals(intervals) {
  const sorted = [...intervals].sort((a, b) => a.from - b.from);
  const merged = [];
  for (const { from, to } of sorted) {
    const last = merged[merged.length - 1];
    if (last && from <= last.to) last.to = Math.max(last.to, to);
    else merged.push({ from, to });
  }
  return merged;
}

/**
 * Percentage change from the first finite value to the last; null with fewer than two, or
 * when the first is 0 and the last is not.
 */
export function growthPercent(values) {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length < 2) return null;
  const first = finite[0];
  const last = finite[finite.length - 1];
  // Growth from nothing has no percentage; say only whether anything grew.
  if (first === 0) return last === 0 ? 0 : null;
  return ((last - first) / first) * 100;
}

/** Frames per second from requestAnimationFrame timestamps (ms), or null with fewer than two. */
export function framesPerSecond(stamps) {
  if (stamps.length < 2) return null;
  const span = stamps[stamps.length - 1] - stamps[0];
  return span > 0 ? ((stamps.length - 1) * 1000) / span : null;
}
