import { cellColour } from './pixels';

interface Props {
  confusion: number[][];
  classNames: string[];
  selected: [number, number] | null;
  onSelect: (actual: number, predicted: number) => void;
}

/** The confusion matrix as a table of buttons: rows are actual classes, columns predicted. */
export function ConfusionMatrix({ confusion, classNames, selected, onSelect }: Props) {
  const max = Math.max(0, ...confusion.flat());
  const name = (k: number) => classNames[k] ?? String(k);
  return (
    <table className="confusion" data-testid="confusion-matrix">
      <caption>
        Rows: actual class. Columns: predicted class. Click a cell to see its images.
      </caption>
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">Actual \ predicted</span>
          </th>
          {confusion.map((_, p) => (
            <th key={p} scope="col">
              {name(p)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {confusion.map((row, a) => (
          <tr key={a} data-testid="confusion-row">
            <th scope="row">{name(a)}</th>
            {row.map((count, p) => {
              const isSelected = selected?.[0] === a && selected[1] === p;
              return (
                <td key={p}>
                  <button
                    type="button"
                    className={`confusion-cell${a === p ? ' diagonal' : ''}`}
                    style={{
                      background: cellColour(count, max),
                      color: count > max / 2 ? '#fff' : '#1d2330',
                    }}
                    aria-pressed={isSelected}
                    aria-label={`${count} examples of ${name(a)} predicted as ${name(p)}`}
                    data-testid={`confusion-cell-${a}-${p}`}
                    data-count={count}
                    onClick={() => onSelect(a, p)}
                  >
                    {count}
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
