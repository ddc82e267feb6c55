import { useState } from 'react';
import type { RunRecord } from '../../shared/run-record';
import { finalValidation } from '../../shared/run-record';
import { formatCount, formatMeanSpread, formatPercent } from '../format';
import { useStudio } from '../store/studio-store';
import type { SortKey } from './run-columns';
import { SORT_KEYS, formatDuration, runStatus, settingsSummary, sortRuns } from './run-columns';
import { runName } from './overlay-data';

interface Props {
  runs: RunRecord[];
  onReplay: (run: RunRecord) => void;
}

/** Every run of the project, sortable by a column, with a box to tick it for comparing. */
export function RunsTable({ runs, onReplay }: Props) {
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({
    key: 'number',
    descending: false,
  });
  const selected = useStudio((s) => s.selectedRuns);
  const toggle = useStudio((s) => s.toggleRunSelected);
  const remove = useStudio((s) => s.deleteRun);
  const header = (key: SortKey) => {
    const active = sort.key === key;
    return (
      <th
        scope="col"
        aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}
      >
        <button
          type="button"
          data-testid={`sort-${key}`}
          onClick={() => setSort({ key, descending: active ? !sort.descending : key !== 'number' })}
        >
          {SORT_KEYS[key].label}
          {active ? (sort.descending ? ' ▼' : ' ▲') : ''}
        </button>
      </th>
    );
  };
  return (
    <table className="runs-table" data-testid="runs-table">
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">Compare</span>
          </th>
          {header('number')}
          <th scope="col">Settings</th>
          {header('params')}
          {header('validation')}
          {header('accuracy')}
          {header('loss')}
          {header('time')}
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {sortRuns(runs, sort.key, sort.descending).map((run) => (
          <tr key={run.id} data-testid="run-row" data-run={run.number} data-outcome={run.outcome}>
            <td>
              <input
                type="checkbox"
                aria-label={`Compare ${runName(run)}`}
                data-testid={`select-run-${run.number}`}
                checked={selected.includes(run.id)}
                onChange={() => toggle(run.id)}
              />
            </td>
            <th scope="row">
              {runName(run)}
              {runStatus(run) && (
                <span className="run-status" data-testid="run-status" title={run.message}>
                  {runStatus(run)}
                </span>
              )}
            </th>
            <td>{settingsSummary(run)}</td>
            <td>{formatCount(run.params)}</td>
            <td data-testid="run-validation">
              {run.crossValidation
                ? formatMeanSpread(run.crossValidation)
                : formatPercent(finalValidation(run)?.accuracy ?? NaN)}
            </td>
            <td data-testid="run-accuracy">{formatPercent(run.test?.accuracy ?? NaN)}</td>
            <td>{run.test ? run.test.loss.toFixed(3) : '—'}</td>
            <td>{formatDuration(run.durationMs)}</td>
            <td className="run-actions">
              <button
                type="button"
                data-testid={`replay-run-${run.number}`}
                onClick={() => onReplay(run)}
              >
                Replay
              </button>{' '}
              <button
                type="button"
                onClick={() => remove(run.id)}
                aria-label={`Delete ${runName(run)}`}
              >
                Delete
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
