import { ClassLabel } from '../ClassLabel';
import type { ClassMetrics } from '../../shared/insights';

const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : '–');

/** Precision, recall, F1 and support of each class. */
export function ClassMetricsTable({
  perClass,
  classNames,
}: {
  perClass: ClassMetrics[];
  classNames: string[];
}) {
  return (
    <table className="summary-table class-metrics" data-testid="class-metrics">
      <caption>Per-class metrics</caption>
      <thead>
        <tr>
          <th scope="col">Class</th>
          <th scope="col">Precision</th>
          <th scope="col">Recall</th>
          <th scope="col">F1</th>
          <th scope="col">Support</th>
        </tr>
      </thead>
      <tbody>
        {perClass.map((m, k) => (
          <tr key={k}>
            <th scope="row">
              <ClassLabel name={classNames[k] ?? String(k)} />
            </th>
            <td className="number">{pct(m.precision)}</td>
            <td className="number">{pct(m.recall)}</td>
            <td className="number">{pct(m.f1)}</td>
            <td className="number">{m.support}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
