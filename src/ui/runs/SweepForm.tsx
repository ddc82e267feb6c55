import { useId, useMemo, useState } from 'react';
import type { SweepAxis } from '../../shared/sweep';
import { parseSweepValues, planSweep } from '../../shared/sweep';
import { useStudio } from '../store/studio-store';
import { NumberField } from '../train/NumberField';
import { cancelSweep, runSweep } from './sweep-runner';
import type { TargetOption } from './sweep-targets';
import { sweepTargets } from './sweep-targets';

interface AxisDraft {
  key: string;
  values: string;
}

/** One thing to vary and its values. */
function AxisFields({
  n,
  options,
  draft,
  onChange,
  disabled,
}: {
  n: number;
  options: TargetOption[];
  draft: AxisDraft;
  onChange: (draft: AxisDraft) => void;
  disabled: boolean;
}) {
  const [targetId, valuesId] = [useId(), useId()];
  return (
    <div className="sweep-axis">
      <label htmlFor={targetId}>Vary</label>
      <select
        id={targetId}
        data-testid={`sweep-target-${n}`}
        value={draft.key}
        disabled={disabled}
        onChange={(event) => onChange({ ...draft, key: event.target.value })}
      >
        {options.map((option) => (
          <option key={option.key} value={option.key}>
            {option.label}
          </option>
        ))}
      </select>
      <label htmlFor={valuesId}>over</label>
      <input
        id={valuesId}
        data-testid={`sweep-values-${n}`}
        value={draft.values}
        placeholder="0.01, 0.003, 0.001"
        disabled={disabled}
        onChange={(event) => onChange({ ...draft, values: event.target.value })}
      />
    </div>
  );
}

/**
 * A sweep: one or two things to vary, a few values each, and an epoch budget shared by the
 * runs. The runs train one after another and fill the runs table; Cancel stops the one under
 * way and starts no more. The sweep goes on while the user looks at other panels.
 */
export function SweepForm() {
  const spec = useStudio((s) => s.spec);
  const idle = useStudio((s) => s.runState === 'idle');
  const sweep = useStudio((s) => s.sweep);
  const setSweep = useStudio((s) => s.setSweep);
  const options = useMemo(() => sweepTargets(spec), [spec]);
  const [axes, setAxes] = useState<AxisDraft[]>([{ key: 'learningRate', values: '' }]);
  const [budget, setBudget] = useState<number | null>(6);
  const status = sweep?.status;
  const running = status?.kind === 'running';

  /** The axes as the planner takes them, or why they are not usable. */
  const parsed = (): SweepAxis[] | string => {
    const result: SweepAxis[] = [];
    for (const draft of axes) {
      const option = options.find((candidate) => candidate.key === draft.key);
      if (!option) return 'Pick what to vary: that layer is no longer in the network.';
      const values = parseSweepValues(draft.values);
      if (typeof values === 'string') return `${option.label}: ${values}`;
      result.push({ target: option.target, values });
    }
    return result;
  };

  function start() {
    const axesOrProblem = parsed();
    try {
      if (typeof axesOrProblem === 'string') throw new Error(axesOrProblem);
      if (budget === null || !Number.isInteger(budget) || budget < 1) {
        throw new Error('The epoch budget must be a whole number of epochs, 1 or more.');
      }
      void runSweep(planSweep(axesOrProblem, budget));
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      setSweep({ id: sweep?.id ?? '', status: { kind: 'error', text } });
    }
  }

  const setAxis = (i: number) => (draft: AxisDraft) =>
    setAxes(axes.map((axis, j) => (j === i ? draft : axis)));
  return (
    <form
      className="sweep-form field-group"
      aria-label="Sweep"
      onSubmit={(event) => {
        event.preventDefault();
        start();
      }}
    >
      <h3>Sweep</h3>
      {axes.map((draft, i) => (
        <AxisFields
          key={i}
          n={i + 1}
          options={options}
          draft={draft}
          onChange={setAxis(i)}
          disabled={running}
        />
      ))}
      <label className="checkbox-field">
        <input
          type="checkbox"
          data-testid="sweep-second-axis"
          checked={axes.length === 2}
          disabled={running}
          onChange={(event) =>
            setAxes(
              event.target.checked
                ? [...axes, { key: options[3]?.key ?? 'batchSize', values: '' }]
                : axes.slice(0, 1),
            )
          }
        />{' '}
        Vary a second thing too
      </label>
      <NumberField
        label="Epochs in all"
        testId="sweep-budget"
        value={budget}
        onChange={setBudget}
        disabled={running}
      />
      <div className="sweep-buttons">
        <button type="submit" data-testid="sweep-start" disabled={running || !idle}>
          Start sweep
        </button>{' '}
        <button type="button" data-testid="sweep-cancel" disabled={!running} onClick={cancelSweep}>
          Cancel sweep
        </button>
      </div>
      {status && (
        <p
          className={status.kind === 'error' ? 'message error' : 'hint'}
          role={status.kind === 'error' ? 'alert' : 'status'}
          data-testid="sweep-status"
          data-state={status.kind}
        >
          {status.kind === 'running'
            ? `Run ${status.run} of ${status.runs}: ${status.label}…`
            : status.text}
        </p>
      )}
    </form>
  );
}
