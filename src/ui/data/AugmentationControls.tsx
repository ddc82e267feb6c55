import { useId } from 'react';
import type { AugmentationField } from '../../shared/augmentation';
import { AUGMENTATION_FIELDS, NO_AUGMENTATION } from '../../shared/augmentation';
import { selectRunState, selectSettings, selectUpdateSettings } from '../store/selectors';
import { useStudio } from '../store/studio-store';

const FIELDS = Object.keys(AUGMENTATION_FIELDS) as AugmentationField[];

/** Shows a strength as the form's step allows: whole degrees, or two decimals. */
function shown(field: AugmentationField, value: number): string {
  const { step, unit } = AUGMENTATION_FIELDS[field];
  return step >= 1 ? `${value.toFixed(0)}${unit === 'degrees' ? '°' : ''}` : value.toFixed(2);
}

/**
 * The strength of each augmentation, part of the training settings: random changes made to
 * every training batch on the device (never to validation or test). 0 turns one off.
 */
export function AugmentationControls() {
  const id = useId();
  const augmentation = useStudio(selectSettings).augmentation;
  const update = useStudio(selectUpdateSettings);
  const running = useStudio(selectRunState) !== 'idle';
  return (
    <fieldset className="augmentation-controls" disabled={running}>
      <legend>Strengths (applied to training batches only)</legend>
      {FIELDS.map((field) => {
        const { label, max, step, unit } = AUGMENTATION_FIELDS[field];
        const value = augmentation[field];
        return (
          <div className="augment-field" key={field}>
            <label htmlFor={`${id}-${field}`}>{label}</label>
            <input
              id={`${id}-${field}`}
              type="range"
              min={0}
              max={max}
              step={step}
              value={value}
              data-testid={`augment-${field}`}
              aria-valuetext={`${shown(field, value)} ${unit === 'degrees' ? '' : unit}`.trim()}
              onChange={(event) =>
                update({ augmentation: { ...augmentation, [field]: Number(event.target.value) } })
              }
            />
            <output htmlFor={`${id}-${field}`}>{shown(field, value)}</output>
          </div>
        );
      })}
      <button
        type="button"
        data-testid="augment-reset"
        onClick={() => update({ augmentation: NO_AUGMENTATION })}
      >
        Reset (no augmentation)
      </button>
    </fieldset>
  );
}
