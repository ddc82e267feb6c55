import { useId, useState } from 'react';
import type { DatasetSummary } from '../../shared/dataset';
import { send } from '../engine-client';
import { ClassRow } from './ClassRow';

/**
 * The classes with their counts per split, and the edits the worker applies to them: rename
 * (type and press Enter), merge the selected classes under one name, remove a class.
 */
export function ClassTable({ summary }: { summary: DatasetSummary }) {
  const id = useId();
  const [selected, setSelected] = useState<number[]>([]);
  const [mergeName, setMergeName] = useState('');
  const [shownClasses, setShownClasses] = useState(summary.classNames);
  // Indices mean other classes after an edit, so a selection does not survive one.
  // Every dataset event brings a new array: only changed names clear the merge selection.
  if (shownClasses.join('\0') !== summary.classNames.join('\0')) {
    setShownClasses(summary.classNames);
    setSelected([]);
    setMergeName('');
  }
  const largest = Math.max(0, ...summary.classCounts);
  const firstSelected = selected.length > 0 ? summary.classNames[Math.min(...selected)] : '';
  const name = mergeName.trim() || firstSelected || '';
  const canMerge = selected.length >= 2 && name !== '';

  return (
    <section className="class-table" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Classes</h3>
      <p className="hint count-legend">
        Bars: <span className="swatch count-bar-train" aria-hidden="true" /> train{' '}
        <span className="swatch count-bar-validation" aria-hidden="true" /> validation{' '}
        <span className="swatch count-bar-test" aria-hidden="true" /> test
      </p>
      <table className="split-table">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Select</span>
            </th>
            <th scope="col">Class</th>
            <th scope="col">Images</th>
            <th scope="col">Train · validation · test</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {summary.classNames.map((_, index) => (
            <ClassRow
              key={index}
              summary={summary}
              index={index}
              largest={largest}
              selected={selected.includes(index)}
              onSelect={(on) =>
                setSelected((old) => (on ? [...old, index] : old.filter((i) => i !== index)))
              }
            />
          ))}
        </tbody>
      </table>
      <form
        className="merge-controls"
        onSubmit={(event) => {
          event.preventDefault();
          if (!canMerge) return;
          const indices = [...selected].sort((a, b) => a - b);
          send({ type: 'editClasses', edit: { op: 'merge', indices, name } });
        }}
      >
        <label htmlFor={`${id}-merge`}>Merge the selected classes as</label>
        <input
          id={`${id}-merge`}
          data-testid="merge-name"
          value={mergeName}
          placeholder={firstSelected || 'name'}
          onChange={(event) => setMergeName(event.target.value)}
        />
        <button type="submit" data-testid="merge-button" disabled={!canMerge}>
          Merge {selected.length >= 2 ? `${selected.length} classes` : ''}
        </button>
        {selected.length < 2 && <span className="hint">Select two or more classes to merge.</span>}
      </form>
    </section>
  );
}
