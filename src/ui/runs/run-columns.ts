import type { RunRecord } from '../../shared/run-record';
import { epochCutIn, validationAccuracy } from '../../shared/run-record';
import { OPTIMIZER_LABELS } from '../../shared/train-settings';

/** The columns the runs table sorts by, with how to read each from a run. */
export const SORT_KEYS = {
  number: { label: 'Run', value: (run: RunRecord) => run.number },
  accuracy: { label: 'Test accuracy', value: (run: RunRecord) => run.test?.accuracy ?? NaN },
  loss: { label: 'Test loss', value: (run: RunRecord) => run.test?.loss ?? NaN },
  validation: {
    label: 'Validation accuracy',
    value: validationAccuracy,
  },
  params: { label: 'Parameters', value: (run: RunRecord) => run.params },
  time: { label: 'Time', value: (run: RunRecord) => run.durationMs },
} as const;

export type SortKey = keyof typeof SORT_KEYS;

/**
 * Runs ordered by one column; runs without a value (a stopped run has no test score) go last
 * whichever the direction, and ties keep the order the runs were made in.
 */
export function sortRuns(runs: readonly RunRecord[], key: SortKey, descending: boolean) {
  const value = SORT_KEYS[key].value;
  return [...runs].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    if (Number.isNaN(x) || Number.isNaN(y)) {
      return Number(Number.isNaN(x)) - Number(Number.isNaN(y)) || a.number - b.number;
    }
    return (descending ? y - x : x - y) || a.number - b.number;
  });
}

/** How a run ended, in words, when it did not complete: "stopped", "interrupted at epoch 2". */
export function runStatus({ outcome, points }: RunRecord): string | null {
  if (outcome === 'completed') return null;
  return outcome === 'interrupted' ? `interrupted at epoch ${epochCutIn(points)}` : outcome;
}

/** "Adam, lr 0.002, batch 64, 2 epochs" */
export function settingsSummary({ settings }: RunRecord): string {
  const { optimizer, learningRate, batchSize, epochs } = settings;
  return `${OPTIMIZER_LABELS[optimizer]}, lr ${learningRate}, batch ${batchSize}, ${epochs} epoch${epochs === 1 ? '' : 's'}`;
}

/** 83400 → "1 min 23 s", 5400 → "5.4 s". */
export function formatDuration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}
