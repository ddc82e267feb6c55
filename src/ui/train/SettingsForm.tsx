import { useId } from 'react';
import type { OptimizerName, TrainSettings } from '../../shared/train-settings';
import { OPTIMIZERS, OPTIMIZER_LABELS, checkSettings } from '../../shared/train-settings';
import { selectRunState, selectSettings, selectUpdateSettings } from '../store/selectors';
import { useStudio } from '../store/studio-store';
import { NumberField } from './NumberField';

/** Hyperparameters of the next run, with a plain-words problem beside any bad value. */
export function SettingsForm() {
  const settings = useStudio(selectSettings);
  const update = useStudio(selectUpdateSettings);
  const running = useStudio(selectRunState) !== 'idle';
  const optimizerId = useId();
  const problems = checkSettings(settings);
  const problemOf = (field: keyof TrainSettings) =>
    problems.find((p) => p.field === field)?.message;
  const numeric =
    (field: 'learningRate' | 'momentum' | 'batchSize' | 'epochs' | 'seed') =>
    (value: number | null) =>
      update({ [field]: value ?? Number.NaN });

  return (
    <form
      className="settings"
      onSubmit={(event) => event.preventDefault()}
      aria-label="Training settings"
    >
      <div className="field">
        <label htmlFor={optimizerId}>Optimizer</label>
        <select
          id={optimizerId}
          data-testid="optimizer"
          value={settings.optimizer}
          disabled={running}
          onChange={(event) => update({ optimizer: event.target.value as OptimizerName })}
        >
          {OPTIMIZERS.map((name) => (
            <option key={name} value={name}>
              {OPTIMIZER_LABELS[name]}
            </option>
          ))}
        </select>
      </div>
      <NumberField
        label="Learning rate"
        testId="learning-rate"
        value={settings.learningRate}
        onChange={numeric('learningRate')}
        problem={problemOf('learningRate')}
        disabled={running}
      />
      {settings.optimizer === 'sgd' && (
        <NumberField
          label="Momentum"
          testId="momentum"
          value={settings.momentum}
          onChange={numeric('momentum')}
          problem={problemOf('momentum')}
          disabled={running}
        />
      )}
      <NumberField
        label="Batch size"
        testId="batch-size"
        value={settings.batchSize}
        onChange={numeric('batchSize')}
        problem={problemOf('batchSize')}
        disabled={running}
      />
      <NumberField
        label="Epochs"
        testId="epochs"
        value={settings.epochs}
        onChange={numeric('epochs')}
        problem={problemOf('epochs')}
        disabled={running}
      />
      <NumberField
        label="Examples per epoch"
        testId="examples-per-epoch"
        value={settings.examplesPerEpoch}
        optional
        placeholder="all"
        onChange={(value) => update({ examplesPerEpoch: value })}
        problem={problemOf('examplesPerEpoch')}
        disabled={running}
      />
      <NumberField
        label="Seed"
        testId="seed"
        value={settings.seed}
        onChange={numeric('seed')}
        problem={problemOf('seed')}
        disabled={running}
      />
    </form>
  );
}
