import type { ModelSpec } from './model-spec';
import type { CrossValidationResult, MetricPoint, RunMark, RunOutcome } from './protocol';
import type { SweepPlanRun } from './sweep';
import type { TrainSettings } from './train-settings';

/** Test-split scores of a finished run, with each class's accuracy. */
export interface RunScores {
  loss: number;
  accuracy: number;
  perClass?: number[];
}

/** How a filed run ended: as the worker said, or cut short and never resumed. */
export type RunRecordOutcome = RunOutcome | 'interrupted';

/**
 * One training run as the run history keeps it: what was trained, how, on which data, and what
 * came of it — enough to compare it with another run and to replay it.
 */
export interface RunRecord {
  id: string;
  /** 1, 2, 3… in the order the runs started; the table calls it "Run 3". */
  number: number;
  startedAt: number;
  durationMs: number;
  spec: ModelSpec;
  settings: TrainSettings;
  dataset: { name: string; fingerprint: string; classNames: string[] };
  params: number;
  points: MetricPoint[];
  marks: RunMark[];
  outcome: RunRecordOutcome;
  message: string;
  test?: RunScores;
  /** A cross-validated run's validation accuracy per fold, with mean and spread. */
  crossValidation?: CrossValidationResult;
  /** What the run was for, in words: a sweep's values ("learning rate 0.01"), a replay. */
  note?: string;
  /** The sweep this run belongs to, and the values it tried. */
  sweep?: { id: string; values: SweepPlanRun['values'] };
}

/** What is known of a run when it starts; the rest comes with its end. */
export type RunStart = Pick<
  RunRecord,
  'id' | 'spec' | 'settings' | 'dataset' | 'params' | 'startedAt' | 'note' | 'sweep'
>;

/**
 * A run cut short before its end — the training worker stopped, or the page was closed —
 * which can go on from the last checkpoint its worker kept.
 */
export interface InterruptedRun {
  start: RunStart;
}

/** Why a run is started, beyond the user pressing Train: a sweep's run, a replay. */
export interface RunPurpose {
  note?: string;
  sweep?: RunRecord['sweep'];
  /** Train this network and these settings rather than the builder's and the form's. */
  spec?: ModelSpec;
  settings?: TrainSettings;
}

/** The epoch a run was in when it was cut short: the last one its curves reach. */
export function epochCutIn(points: readonly MetricPoint[]): number {
  return points.at(-1)?.epoch ?? 1;
}

/** The last validation point of a run (its final validation scores), if any. */
export function finalValidation(run: RunRecord): MetricPoint | undefined {
  return run.points.findLast((point) => point.series === 'validation');
}

/** A run's validation accuracy: the folds' mean when it was cross-validated, else its final score. */
export function validationAccuracy(run: RunRecord): number {
  return run.crossValidation?.mean ?? finalValidation(run)?.accuracy ?? NaN;
}
