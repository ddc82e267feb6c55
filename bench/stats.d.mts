/** A point in a run where `step` training steps had finished, at `t` ms. */
export interface StepMark {
  t: number;
  step: number;
}

export function median(values: readonly number[]): number | null;
export function ratio(a: number | null, b: number | null): number | null;
export function alternation<T>(
  contenders: readonly T[],
  reps: number,
): { rep: number; contender: T }[];
export function steadyRate(
  marks: readonly StepMark[],
  batchSize: number,
  pauses?: readonly { from: number; to: number }[],
): number | null;
export function growthPercent(values: readonly number[]): number | null;
export function framesPerSecond(stamps: readonly number[]): number | null;
