import { useId, useMemo } from 'react';
import type { LrSchedule, ScheduleKind } from '../../shared/lr-schedule';
import {
  SCHEDULE_KINDS,
  SCHEDULE_LABELS,
  defaultScheduleOf,
  schedulePreview,
} from '../../shared/lr-schedule';
import type { TrainSettings } from '../../shared/train-settings';
import { selectDatasetSummary } from '../store/selectors';
import { useStudio } from '../store/studio-store';
import { LineChart } from './chart/LineChart';
import type { ChartSource } from './chart/types';
import { NumberField } from './NumberField';

/** The numeric settings of each schedule, in form order. */
const PARAMETERS: { [K in ScheduleKind]: { key: string; label: string }[] } = {
  constant: [],
  step: [
    { key: 'everyEpochs', label: 'Every (epochs)' },
    { key: 'factor', label: 'Multiply by' },
  ],
  exponential: [{ key: 'decayPerEpoch', label: 'Decay per epoch' }],
  cosine: [
    { key: 'warmupEpochs', label: 'Warm-up epochs' },
    { key: 'minFactor', label: 'Final fraction' },
  ],
  plateau: [
    { key: 'factor', label: 'Multiply by' },
    { key: 'patience', label: 'Patience (epochs)' },
    { key: 'minDelta', label: 'Smallest improvement' },
    { key: 'minFactor', label: 'Lowest fraction' },
  ],
};

/** Steps in one epoch of the next run, from the loaded data's train split and the settings. */
function useStepsPerEpoch(settings: TrainSettings): number {
  const train = useStudio(selectDatasetSummary)?.splits.train.total ?? 0;
  const examples = Math.min(train, settings.examplesPerEpoch ?? train);
  return Math.max(1, Math.ceil(examples / Math.max(1, settings.batchSize || 1)));
}

/** The schedule's rate at every step of the next run, drawn before it starts. */
function previewSource(
  schedule: LrSchedule,
  learningRate: number,
  epochs: number,
  stepsPerEpoch: number,
): ChartSource {
  const usable = Number.isFinite(learningRate) && Number.isInteger(epochs) && epochs > 0;
  const points = usable
    ? schedulePreview(schedule, learningRate, epochs, stepsPerEpoch).map(({ epoch, rate }) => ({
        x: Math.round(epoch * stepsPerEpoch),
        y: rate,
      }))
    : [];
  const data = {
    series: [{ name: 'planned learning rate', color: '#7b4bc4', points }],
    xLabel: 'step',
    yLabel: 'learning rate',
  };
  return { subscribe: () => () => {}, read: () => data };
}

interface Props {
  settings: TrainSettings;
  update: (patch: Partial<TrainSettings>) => void;
  problem: string | undefined;
  disabled: boolean;
}

/**
 * The learning-rate schedule: its kind, its settings and a preview of the rate over the run
 * (reduce-on-plateau reacts to validation loss, so its preview stays flat).
 */
export function ScheduleFields({ settings, update, problem, disabled }: Props) {
  const kindId = useId();
  const { schedule, learningRate, epochs } = settings;
  const stepsPerEpoch = useStepsPerEpoch(settings);
  const source = useMemo(
    () => previewSource(schedule, learningRate, epochs, stepsPerEpoch),
    [schedule, learningRate, epochs, stepsPerEpoch],
  );
  const values = schedule as unknown as Record<string, number>;
  return (
    <fieldset className="field-group schedule-fields">
      <legend>Learning-rate schedule</legend>
      <div className="field">
        <label htmlFor={kindId}>Schedule</label>
        <select
          id={kindId}
          data-testid="schedule-kind"
          value={schedule.kind}
          disabled={disabled}
          onChange={(event) =>
            update({ schedule: defaultScheduleOf(event.target.value as ScheduleKind) })
          }
        >
          {SCHEDULE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {SCHEDULE_LABELS[kind]}
            </option>
          ))}
        </select>
      </div>
      {PARAMETERS[schedule.kind].map(({ key, label }) => (
        <NumberField
          key={`${schedule.kind}:${key}`}
          label={label}
          testId={`schedule-${key}`}
          value={values[key] ?? Number.NaN}
          onChange={(value) => update({ schedule: { ...schedule, [key]: value ?? Number.NaN } })}
          disabled={disabled}
        />
      ))}
      {problem && (
        <p className="field-problem" role="alert">
          {problem}
        </p>
      )}
      <LineChart source={source} title="Planned learning rate" testId="schedule-preview" small />
    </fieldset>
  );
}
