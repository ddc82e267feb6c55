import type { TrainSettings } from '../../shared/train-settings';
import { NumberField } from './NumberField';

interface Props {
  settings: TrainSettings;
  update: (patch: Partial<TrainSettings>) => void;
  problem: string | undefined;
  disabled: boolean;
}

/** Folds a new tick of "Cross-validate" starts with. */
const DEFAULT_FOLDS = 5;

/** k-fold cross-validation: off, or how many folds to train and validate on in turn. */
export function CrossValidationFields({ settings, update, problem, disabled }: Props) {
  const folds = settings.crossValidation;
  return (
    <fieldset className="field-group cross-validation-fields">
      <legend>
        <label>
          <input
            type="checkbox"
            data-testid="cross-validation"
            checked={folds !== null}
            disabled={disabled}
            onChange={(event) =>
              update({ crossValidation: event.target.checked ? DEFAULT_FOLDS : null })
            }
          />{' '}
          Cross-validate (a fresh model per fold; reports mean ± spread)
        </label>
      </legend>
      {folds !== null && (
        <NumberField
          label="Folds"
          testId="cross-validation-folds"
          value={folds}
          onChange={(value) => update({ crossValidation: value ?? Number.NaN })}
          problem={problem}
          disabled={disabled}
        />
      )}
    </fieldset>
  );
}
