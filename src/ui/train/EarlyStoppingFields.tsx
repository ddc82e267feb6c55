import { useId } from 'react';
import type { EarlyStoppingSettings, Monitor } from '../../shared/early-stopping';
import { MONITOR_LABELS } from '../../shared/early-stopping';
import type { TrainSettings } from '../../shared/train-settings';
import { NumberField } from './NumberField';

interface Props {
  settings: TrainSettings;
  update: (patch: Partial<TrainSettings>) => void;
  problem: string | undefined;
  disabled: boolean;
}

/** Early stopping: off, or what to watch, how long to wait, and whether to go back to the best epoch. */
export function EarlyStoppingFields({ settings, update, problem, disabled }: Props) {
  const monitorId = useId();
  const early = settings.earlyStopping;
  const set = (patch: Partial<EarlyStoppingSettings>) =>
    update({ earlyStopping: { ...early, ...patch } });
  return (
    <fieldset className="field-group early-stopping-fields">
      <legend>
        <label>
          <input
            type="checkbox"
            data-testid="early-stopping"
            checked={early.enabled}
            disabled={disabled}
            onChange={(event) => set({ enabled: event.target.checked })}
          />{' '}
          Stop early when validation stops improving
        </label>
      </legend>
      {early.enabled && (
        <>
          <div className="field">
            <label htmlFor={monitorId}>Watch</label>
            <select
              id={monitorId}
              data-testid="early-stopping-monitor"
              value={early.monitor}
              disabled={disabled}
              onChange={(event) => set({ monitor: event.target.value as Monitor })}
            >
              {Object.entries(MONITOR_LABELS).map(([monitor, label]) => (
                <option key={monitor} value={monitor}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <NumberField
            label="Patience (epochs)"
            testId="early-stopping-patience"
            value={early.patience}
            onChange={(value) => set({ patience: value ?? Number.NaN })}
            disabled={disabled}
          />
          <NumberField
            label="Smallest improvement"
            testId="early-stopping-min-delta"
            value={early.minDelta}
            onChange={(value) => set({ minDelta: value ?? Number.NaN })}
            disabled={disabled}
          />
          <label className="checkbox-field">
            <input
              type="checkbox"
              data-testid="early-stopping-restore"
              checked={early.restoreBest}
              disabled={disabled}
              onChange={(event) => set({ restoreBest: event.target.checked })}
            />{' '}
            End on the best epoch’s weights
          </label>
          {problem && (
            <p className="field-problem" role="alert">
              {problem}
            </p>
          )}
        </>
      )}
    </fieldset>
  );
}
