import { ClassLabel } from '../ClassLabel';
import { cellColour } from './pixels';
import './confusion-matrix.css';

interface Props {
  confusion: number[][];
  classNames: string[];
  selected?: [number, number] | null;
  /** Without it the cells only show their counts. */
  onSelect?: (actual: number, predicted: number) => void;
  /** Test ids are `${prefix}-matrix` and `${prefix}-cell-${actual}-${predicted}`. */
  testIdPrefix?: string;
}

/**
 * The confusion matrix as a table: rows are actual classes, columns predicted. With `onSelect`
 * each cell is a button that opens its images.
 */
export function ConfusionMatrix({
  confusion,
  classNames,
  selected = null,
  onSelect,
  testIdPrefix = 'confusion',
}: Props) {
  const max = Math.max(0, ...confusion.flat());
  const name = (k: number) => classNames[k] ?? String(k);
  return (
    <table className="confusion" data-testid={`${testIdPrefix}-matrix`}>
      <caption>
        Rows: actual class. Columns: predicted class.
        {onSelect && ' Click a cell to see its images.'}
      </caption>
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">Actual \ predicted</span>
          </th>
          {confusion.map((_, p) => (
            <th key={p} scope="col">
              <ClassLabel name={name(p)} />
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {confusion.map((row, a) => (
          <tr key={a} data-testid="confusion-row">
            <th scope="row">
              <ClassLabel name={name(a)} />
            </th>
            {row.map((count, p) => {
              const isSelected = selected?.[0] === a && selected[1] === p;
              const cell = {
                className: `confusion-cell${a === p ? ' diagonal' : ''}`,
                style: {
                  background: cellColour(count, max),
                  color: count > max / 2 ? '#fff' : '#1d2330',
                },
                'aria-label': `${count} examples of ${name(a)} predicted as ${name(p)}`,
                'data-testid': `${testIdPrefix}-cell-${a}-${p}`,
                'data-count': count,
              };
              return (
                <td key={p}>
                  {onSelect ? (
                    <button
                      type="button"
                      {...cell}
                      aria-pressed={isSelected}
                      onClick={() => onSelect(a, p)}
                    >
                      {count}
                    </button>
                  ) : (
                    <span {...cell}>{count}</span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
