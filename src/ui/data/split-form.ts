import type { DataConfig, Normalisation } from '../../shared/dataset';
import { checkDataConfig } from '../../data/data-config';

/** The split form as the user typed it: percentages and a seed, as text. */
export interface SplitDraft {
  validation: string;
  test: string;
  seed: string;
  normalisation: Normalisation;
}

/** The form's starting values for a config (fractions shown as percentages). */
export function draftOf(config: DataConfig): SplitDraft {
  const percent = (fraction: number) => String(Math.round(fraction * 1000) / 10);
  return {
    validation: percent(config.validation),
    test: percent(config.test),
    seed: String(config.seed),
    normalisation: config.normalisation,
  };
}

/**
 * The config a draft describes, or the problems with it in words, checked by the same rules
 * the worker applies (src/data/data-config.ts).
 */
export function configOf(draft: SplitDraft): { config: DataConfig } | { problems: string[] } {
  const problems: string[] = [];
  const validation = Number(draft.validation);
  const test = Number(draft.test);
  const seed = Number(draft.seed);
  const blank = [draft.validation, draft.test, draft.seed].some((text) => text.trim() === '');
  if (blank || ![validation, test, seed].every(Number.isFinite)) {
    problems.push('Validation %, test % and seed must all be numbers.');
  }
  const config: DataConfig = {
    validation: validation / 100,
    test: test / 100,
    seed,
    normalisation: draft.normalisation,
  };
  problems.push(...checkDataConfig(config));
  return problems.length > 0 ? { problems: [...new Set(problems)] } : { config };
}
