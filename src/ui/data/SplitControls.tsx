import { useId, useState } from 'react';
import type { DataConfig, Normalisation } from '../../shared/dataset';
import { NORMALISATION_LABELS } from '../../shared/dataset';
import { send } from '../engine-client';
import type { SplitDraft } from './split-form';
import { configOf, draftOf } from './split-form';

const NORMALISATIONS = Object.keys(NORMALISATION_LABELS) as Normalisation[];

/**
 * Validation and test shares, the split's seed and the pixel scaling. The worker re-splits
 * (stratified by class) and sends back the new counts; bad values are explained, not sent.
 */
export function SplitControls({ config }: { config: DataConfig }) {
  const id = useId();
  const [draft, setDraft] = useState<SplitDraft>(() => draftOf(config));
  const [shownConfig, setShownConfig] = useState(config);
  // Every dataset event brings a new object: only a changed value may replace what is typed.
  if (JSON.stringify(shownConfig) !== JSON.stringify(config)) {
    setShownConfig(config);
    setDraft(draftOf(config));
  }
  const result = configOf(draft);
  const problems = 'problems' in result ? result.problems : [];
  const apply = (next: SplitDraft) => {
    const checked = configOf(next);
    if ('config' in checked) send({ type: 'configureData', config: checked.config });
  };
  const field = (key: 'validation' | 'test' | 'seed', label: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        data-testid={`split-${key}`}
        inputMode="decimal"
        value={draft[key]}
        onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
      />
    </div>
  );
  return (
    <form
      className="split-controls"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        apply(draft);
      }}
    >
      <h3 id={`${id}-title`}>Split and scaling</h3>
      {field('validation', 'Validation %')}
      {field('test', 'Test %')}
      {field('seed', 'Seed')}
      <div className="field">
        <label htmlFor={`${id}-normalisation`}>Pixels</label>
        <select
          id={`${id}-normalisation`}
          data-testid="normalisation"
          value={draft.normalisation}
          onChange={(event) => {
            const next = { ...draft, normalisation: event.target.value as Normalisation };
            setDraft(next);
            // Scaling needs no confirmation: apply it at once when the rest of the form is valid.
            apply(next);
          }}
        >
          {NORMALISATIONS.map((n) => (
            <option key={n} value={n}>
              {NORMALISATION_LABELS[n]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" data-testid="apply-split" disabled={problems.length > 0}>
        Apply
      </button>
      {problems.length > 0 && (
        <ul className="field-problem" role="alert">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
    </form>
  );
}
