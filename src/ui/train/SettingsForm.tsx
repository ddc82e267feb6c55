import { useId } from 'react';
import type { OptimizerName, TrainSettings } from '../../shared/train-settings';
import {
  OPTIMIZERS,
  OPTIMIZER_LABELS,
  batchSizeNote,
  checkSettings,
} from '../../shared/train-settings';
import {
  selectDatasetSummary,
  selectRunState,
  selectSettings,
  selectUpdateSettings,
} from '../store/selectors';
import { useStudio } from '../store/studio-store';
import { CrossValidationFields } from './CrossValidationFields';
import { EarlyStoppingFields } from './EarlyStoppingFields';
import { NumberField } from './NumberField';
import { ScheduleFields } from './ScheduleFields';

type NumericKey =
  'learningRate' | 'momentum' | 'batchSize' | 'epochs' | 'examplesPerEpoch' | 'seed';

/** The numeric settings in form order; an optional one may be left empty (null). */
const NUMBER_FIELDS: readonly {
  key: NumericKey;
  label: string;
  testId: string;
  optional?: boolean;
}[] = [
  { key: 'learningRate', label: 'Learning rate', testId: 'learning-rate' },
  { key: 'momentum', label: 'Momentum', testId: 'momentum' },
  { key: 'batchSize', label: 'Batch size', testId: 'batch-size' },
  { key: 'epochs', label: 'Epochs', testId: 'epochs' },
  {
    key: 'examplesPerEpoch',
    label: 'Examples per epoch',
    testId: 'examples-per-epoch',
    optional: true,
  },
  { key: 'seed', label: 'Seed', testId: 'seed' },
];

/** Hyperparameters of the next run, with a plain-words problem beside any bad value. */
export function SettingsForm() {
  const settings = useStudio(selectSettings);
  const update = useStudio(selectUpdateSettings);
  const running = useStudio(selectRunState) !== 'idle';
  const trainCount = useStudio(selectDatasetSummary)?.splits.train.total;
  const optimizerId = useId();
  const problems = checkSettings(settings);
  const problemOf = (field: keyof TrainSettings) =>
    problems.find((p) => p.field === field)?.message;

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
      {NUMBER_FIELDS.filter((f) => f.key !== 'momentum' || settings.optimizer === 'sgd').map(
        (f) => (
          <NumberField
            key={f.key}
            label={f.label}
            testId={f.testId}
            value={settings[f.key]}
            optional={f.optional}
            placeholder={f.optional ? 'all' : undefined}
            onChange={(value) => update({ [f.key]: f.optional ? value : (value ?? Number.NaN) })}
            problem={problemOf(f.key)}
            note={
              f.key === 'batchSize' && trainCount !== undefined
                ? batchSizeNote(settings, trainCount)
                : null
            }
            disabled={running}
          />
        ),
      )}
      <ScheduleFields
        settings={settings}
        update={update}
        problem={problemOf('schedule')}
        disabled={running}
      />
      <EarlyStoppingFields
        settings={settings}
        update={update}
        problem={problemOf('earlyStopping')}
        disabled={running}
      />
      <CrossValidationFields
        settings={settings}
        update={update}
        problem={problemOf('crossValidation')}
        disabled={running}
      />
    </form>
  );
}
