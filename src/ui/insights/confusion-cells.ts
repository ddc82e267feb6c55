/** Split indices whose label is `actual` and whose prediction is `predicted`, in split order. */
export function cellIndices(
  labels: Uint8Array,
  predicted: Uint8Array,
  actual: number,
  predictedClass: number,
): number[] {
  const indices: number[] = [];
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] === actual && predicted[i] === predictedClass) indices.push(i);
  }
  return indices;
}

/** The first split index of each of the first `count` classes that have one, for default pins. */
export function firstOfClasses(labels: Uint8Array, count: number): number[] {
  const seen = new Map<number, number>();
  labels.forEach((label, i) => {
    if (!seen.has(label)) seen.set(label, i);
  });
  return [...seen.entries()]
    .sort((a, b) => a[0] - b[0])
    .slice(0, count)
    .map(([, index]) => index);
}

/** Index and value of the largest probability; [-1, 0] for an empty array. */
export function argmax(values: ArrayLike<number>): [number, number] {
  let best = -1;
  let value = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if ((values[i] ?? -Infinity) > value) {
      best = i;
      value = values[i]!;
    }
  }
  return best < 0 ? [-1, 0] : [best, value];
}
