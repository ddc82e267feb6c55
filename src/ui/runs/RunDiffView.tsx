import type { RunRecord } from '../../shared/run-record';
import { diffPerClass, diffSettings, diffSpecs } from '../../model/run-diff';
import { ClassLabel } from '../ClassLabel';
import { formatPercent } from '../format';
import { runName } from './overlay-data';

const show = (value: unknown) =>
  typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);

/** What changed from one run to another (layers, settings) and how each class's accuracy moved. */
export function RunDiffView({ before, after }: { before: RunRecord; after: RunRecord }) {
  const layers = diffSpecs(before.spec, after.spec);
  const settings = diffSettings(before.settings, after.settings);
  const { classNames } = after.dataset;
  const [a, b] = [before.test?.perClass, after.test?.perClass];
  const sameData = before.dataset.fingerprint === after.dataset.fingerprint;
  const classes = a && b && sameData ? diffPerClass(classNames, a, b) : null;
  return (
    <section className="run-diff" data-testid="run-diff" aria-label="What changed">
      <h3>
        From {runName(before)} to {runName(after)}
      </h3>
      {!sameData && <p className="hint">The two runs trained on different data.</p>}
      <h4>Network</h4>
      {layers.length === 0 ? (
        <p>The same network.</p>
      ) : (
        <ul data-testid="run-diff-layers">
          {layers.map((change) => (
            <li key={`${change.kind}:${change.id}`} data-kind={change.kind}>
              {change.label}
            </li>
          ))}
        </ul>
      )}
      <h4>Settings</h4>
      {settings.length === 0 ? (
        <p>The same settings.</p>
      ) : (
        <ul data-testid="run-diff-settings">
          {settings.map(({ field, from, to }) => (
            <li key={field}>
              {field}: {show(from)} → {show(to)}
            </li>
          ))}
        </ul>
      )}
      {classes && (
        <>
          <h4>Test accuracy by class</h4>
          <table className="run-diff-classes" data-testid="run-diff-classes">
            <thead>
              <tr>
                <th scope="col">Class</th>
                <th scope="col">{runName(before)}</th>
                <th scope="col">{runName(after)}</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {classes.map(({ name, from, to, delta }) => (
                <tr key={name}>
                  <th scope="row">
                    <ClassLabel name={name} />
                  </th>
                  <td>{formatPercent(from)}</td>
                  <td>{formatPercent(to)}</td>
                  <td className={delta > 0 ? 'better' : delta < 0 ? 'worse' : undefined}>
                    {delta > 0 ? '+' : ''}
                    {(delta * 100).toFixed(1)} pts
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
