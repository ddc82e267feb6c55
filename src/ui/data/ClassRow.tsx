import { useState } from 'react';
import type { DatasetSummary } from '../../shared/dataset';
import { send } from '../engine-client';

interface Props {
  summary: DatasetSummary;
  index: number;
  /** The class count of the largest class, which fills the bar. */
  largest: number;
  selected: boolean;
  onSelect: (selected: boolean) => void;
}

/** One class: select for merging, rename in place, its split counts as a bar, remove. */
export function ClassRow({ summary, index, largest, selected, onSelect }: Props) {
  const name = summary.classNames[index] ?? '';
  const count = summary.classCounts[index] ?? 0;
  const [draft, setDraft] = useState(name);
  const [shownName, setShownName] = useState(name);
  // A new name from the worker replaces the draft (React's "adjust state on prop change").
  if (shownName !== name) {
    setShownName(name);
    setDraft(name);
  }
  const commit = () => {
    const next = draft.trim();
    if (next !== '' && next !== name) {
      send({ type: 'editClasses', edit: { op: 'rename', index, name: next } });
    } else setDraft(name);
  };
  const parts = (['train', 'validation', 'test'] as const).map((split) => ({
    split,
    n: summary.splits[split].perClass[index] ?? 0,
  }));
  return (
    <tr data-testid="class-row" data-name={name} data-count={count}>
      <td>
        <input
          type="checkbox"
          data-testid={`class-select-${index}`}
          aria-label={`Select ${name} to merge`}
          checked={selected}
          onChange={(event) => onSelect(event.target.checked)}
        />
      </td>
      <td>
        <input
          className="class-name"
          data-testid={`class-rename-${index}`}
          aria-label={`Name of class ${index + 1}`}
          title={name}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              commit();
            } else if (event.key === 'Escape') setDraft(name);
          }}
          onBlur={commit}
        />
      </td>
      <td className="number">{count}</td>
      <td>
        <div
          className="count-bar"
          title={parts.map((p) => `${p.n} ${p.split}`).join(', ')}
          aria-label={parts.map((p) => `${p.n} ${p.split}`).join(', ')}
          role="img"
        >
          {parts.map((p) => (
            <span
              key={p.split}
              className={`count-bar-${p.split}`}
              style={{ width: `${largest > 0 ? (p.n / largest) * 100 : 0}%` }}
            />
          ))}
        </div>
      </td>
      <td>
        <button
          type="button"
          data-testid={`class-remove-${index}`}
          aria-label={`Remove class ${name} and its ${count} images`}
          onClick={() => send({ type: 'editClasses', edit: { op: 'remove', index } })}
        >
          Remove
        </button>
      </td>
    </tr>
  );
}
