import { selectDataset, selectDatasetError } from '../store/selectors';
import { useStudio } from '../store/studio-store';
import { ExampleGrid } from './ExampleGrid';

/** The loaded dataset: what it is, how it is split, and some of its examples. */
export function DataPanel() {
  const dataset = useStudio(selectDataset);
  const error = useStudio(selectDatasetError);
  if (error) {
    return (
      <section className="panel">
        <h2>Data</h2>
        <p className="message error" role="alert">
          {error}
        </p>
      </section>
    );
  }
  if (!dataset) {
    return (
      <section className="panel">
        <h2>Data</h2>
        <p>Loading the MNIST digits…</p>
      </section>
    );
  }
  const { summary, preview } = dataset;
  const { train, validation, test } = summary.splits;
  const [h, w, c] = summary.inputShape;
  return (
    <section className="panel data-panel">
      <h2>Data: {summary.name}</h2>
      <p data-testid="dataset-summary">
        {train.total + validation.total + test.total} images of {h}×{w}×{c},{' '}
        {summary.classNames.length} classes. Split (stratified, fixed seed): {train.total} train,{' '}
        {validation.total} validation, {test.total} test. Pixels are scaled to [0, 1].
      </p>
      <table className="split-table">
        <thead>
          <tr>
            <th scope="col">Class</th>
            <th scope="col">Train</th>
            <th scope="col">Validation</th>
            <th scope="col">Test</th>
          </tr>
        </thead>
        <tbody>
          {summary.classNames.map((name, k) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{train.perClass[k]}</td>
              <td>{validation.perClass[k]}</td>
              <td>{test.perClass[k]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Examples from the training split</h3>
      <ExampleGrid
        pixels={preview.pixels}
        shape={summary.inputShape}
        labels={preview.labels}
        classNames={summary.classNames}
      />
      <p className="hint">Loading your own images, folders and other datasets is not built yet.</p>
    </section>
  );
}
