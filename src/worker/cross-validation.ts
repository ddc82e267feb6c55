/**
 * How a cross-validated run's folds look to the page: one run whose curves go on from fold to
 * fold, and one report at the end.
 */
import type { CrossValidationResult, EarlyStop, Validation, WorkerEvent } from '../shared/protocol';

/** The fold training now (1-based), of how many, and the steps the folds before it took. */
export interface FoldPosition {
  index: number;
  count: number;
  stepOffset: number;
}

/**
 * A fold's event as the page sees it: steps continue from the folds before (each fold's run
 * counts from 0, and the curves would jump back), and progress names the fold.
 */
export function relayFoldEvent(event: WorkerEvent, at: FoldPosition): WorkerEvent {
  const step = (value: number) => value + at.stepOffset;
  switch (event.type) {
    case 'metrics':
      return {
        ...event,
        points: event.points.map((point) => ({ ...point, step: step(point.step) })),
      };
    case 'mark':
      return { ...event, mark: { ...event.mark, step: step(event.mark.step) } };
    case 'progress': {
      const fold = { index: at.index, count: at.count };
      return { ...event, progress: { ...event.progress, step: step(event.progress.step), fold } };
    }
    default:
      return event;
  }
}

/**
 * A finished fold's validation accuracy: the score of the epoch whose weights the fold ended
 * with (its best, when early stopping gave them back; else its last). The run scored that
 * epoch on the fold's whole validation split already, so the device is not asked again.
 */
export function foldAccuracy(validations: readonly Validation[], earlyStop?: EarlyStop): number {
  const epoch = earlyStop?.restored ? earlyStop.bestEpoch : validations.length;
  const validation = validations[epoch - 1];
  if (!validation) throw new Error(`The fold has no validation score for epoch ${epoch}.`);
  return validation.accuracy;
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** The run report's words for a cross-validated run whose folds all finished. */
export function crossValidationMessage({ folds, mean, std }: CrossValidationResult): string {
  const k = folds.length;
  return `Cross-validated over ${k} folds: validation accuracy ${percent(mean)} ± ${percent(std)}. The model kept is the last fold's (validated on fold ${k}); the test scores are its.`;
}
