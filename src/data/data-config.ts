/** The user's data settings: checking them and turning split fractions into split sizes. */
import type { DataConfig, Normalisation } from '../shared/dataset';
import { NORMALISATION_LABELS } from '../shared/dataset';
import type { SplitSizes } from './split';

/** The largest fraction either holdout split may take. */
export const MAX_HOLDOUT_FRACTION = 0.5;
/** The largest fraction validation and test may take together; train keeps the rest. */
export const MAX_TOTAL_HOLDOUT = 0.8;

function isFraction(value: number, max: number): boolean {
  return Number.isFinite(value) && value >= 0 && value <= max;
}

/** Problems with the settings, in words; empty when they are usable. */
export function checkDataConfig(config: DataConfig): string[] {
  const problems: string[] = [];
  if (!isFraction(config.validation, MAX_HOLDOUT_FRACTION)) {
    problems.push(`Validation must be from 0 to ${MAX_HOLDOUT_FRACTION * 100} % of the examples.`);
  }
  if (!isFraction(config.test, MAX_HOLDOUT_FRACTION)) {
    problems.push(`Test must be from 0 to ${MAX_HOLDOUT_FRACTION * 100} % of the examples.`);
  }
  // A little slack so 0.4 + 0.4 is not refused for floating-point noise.
  if (config.validation + config.test > MAX_TOTAL_HOLDOUT + 1e-9) {
    problems.push(
      `Validation and test together may take at most ${MAX_TOTAL_HOLDOUT * 100} % of the examples.`,
    );
  }
  if (!Number.isSafeInteger(config.seed) || config.seed < 0) {
    problems.push('Seed must be a whole number, 0 or more.');
  }
  if (!Object.hasOwn(NORMALISATION_LABELS, config.normalisation)) {
    const names = (Object.keys(NORMALISATION_LABELS) as Normalisation[]).join(', ');
    problems.push(`The normalisation must be one of: ${names}.`);
  }
  return problems;
}

/**
 * How many examples go to validation and test.
 *
 * Each is its fraction of all examples, rounded to the nearest whole number (so the bundled
 * 10,000 MNIST digits at 0.1 / 0.1 give exactly 1,000 / 1,000). Then, so a tiny dataset still
 * trains on every class, the holdouts shrink until train keeps at least one example of each
 * class that has any — test gives way first, then validation. A fraction above 0 never rounds
 * a split away entirely while that rule leaves room for one example in it.
 *
 * @throws Error when the settings fail {@link checkDataConfig}.
 */
export function splitSizes(labels: Uint8Array, config: DataConfig): SplitSizes {
  const problems = checkDataConfig(config);
  if (problems.length > 0) throw new Error(problems.join(' '));
  const total = labels.length;
  const classes = new Set(labels).size;
  const room = Math.max(0, total - classes);
  const wanted = (fraction: number) =>
    fraction > 0 ? Math.max(1, Math.round(total * fraction)) : 0;
  const validation = Math.min(wanted(config.validation), room);
  const test = Math.min(wanted(config.test), room - validation);
  return { validation, test };
}
