import type { RunRecord } from '../../shared/run-record';

/** Where the studio stands, for the checks before an ensemble is asked for. */
export interface EnsembleSetting {
  /** The loaded dataset's fingerprint; null while none is loaded. */
  fingerprint: string | null;
  /** A run is under way. */
  training: boolean;
}

/**
 * Why the ticked runs cannot make an ensemble now, in words the user can act on; null when
 * they can. The worker checks again (it alone knows which weights it still keeps).
 */
export function ensembleProblem(runs: RunRecord[], { fingerprint, training }: EnsembleSetting) {
  if (runs.length < 2) {
    return runs.length === 1
      ? 'Tick a second run to make an ensemble: it averages the predictions of two or more runs.'
      : 'Tick two or more runs to make an ensemble of them.';
  }
  if (training) return 'Training is running: wait for it to end before using an ensemble.';
  if (fingerprint === null) return 'The dataset is still loading.';
  const diverged = runs.find((run) => run.outcome === 'diverged');
  if (diverged) {
    return `Run ${diverged.number} diverged, so its model predicts nothing useful: untick it.`;
  }
  const other = runs.find((run) => run.dataset.fingerprint !== fingerprint);
  if (other) {
    return `Run ${other.number} was trained on other data (${other.dataset.name}): an ensemble is scored on the loaded data's test split, so untick it or load its data again.`;
  }
  return null;
}

/**
 * Why the worker refused runs whose weights it no longer keeps, naming them as the table does
 * (the worker knows runs only by id).
 */
export function notKeptMessage(numbers: number[]): string {
  if (numbers.length === 1) {
    return `Run ${numbers[0]}'s weights are no longer kept: replay it first.`;
  }
  const names = numbers.map((n) => `Run ${n}`);
  const list = `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `The weights of ${list} are no longer kept: replay them first.`;
}
