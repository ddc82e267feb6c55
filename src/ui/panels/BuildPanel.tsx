import { useMemo } from 'react';
import { analyse } from '../../model/analyse';
import { formatShape, layerDefinition } from '../../model/layers';
import { selectDataset, selectSpec } from '../store/selectors';
import { useStudio } from '../store/studio-store';
import { formatCount } from '../format';

const DEFAULT_SHAPE: [number, number, number] = [28, 28, 1];

/** The network as a Keras-style summary: every layer's output shape, parameters and cost. */
export function BuildPanel() {
  const spec = useStudio(selectSpec);
  const dataset = useStudio(selectDataset);
  const shape = dataset?.summary.inputShape ?? DEFAULT_SHAPE;
  const classes = dataset?.summary.classNames.length ?? 10;
  const analysis = useMemo(() => analyse(spec, { shape, classes }), [spec, shape, classes]);
  const byId = new Map(spec.nodes.map((node) => [node.id, node]));

  return (
    <section className="panel build-panel">
      <h2>Build: starter network</h2>
      <p>
        A LeNet-style network for the digits: two convolution and pooling stages, then dense layers.
        The drag-and-drop builder is not built yet; this is the network the Train panel trains.
      </p>
      <table className="summary-table" data-testid="model-summary">
        <thead>
          <tr>
            <th scope="col">Layer</th>
            <th scope="col">Type</th>
            <th scope="col">Output shape</th>
            <th scope="col">Parameters</th>
            <th scope="col">FLOPs / example</th>
          </tr>
        </thead>
        <tbody>
          {analysis.order.map((id) => {
            const node = byId.get(id);
            if (!node) return null;
            const outShape = analysis.shapes[id];
            return (
              <tr key={id}>
                <th scope="row" title={layerDefinition(node.kind).description}>
                  {node.name ?? id}
                </th>
                <td>{layerDefinition(node.kind).label}</td>
                <td>{outShape ? formatShape(outShape) : '?'}</td>
                <td className="number">{formatCount(analysis.params[id] ?? 0)}</td>
                <td className="number">{formatCount(analysis.flops[id] ?? 0)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              Total
            </th>
            <td className="number" data-testid="total-params">
              {formatCount(analysis.totalParams)}
            </td>
            <td className="number">{formatCount(analysis.totalFlops)}</td>
          </tr>
        </tfoot>
      </table>
      {analysis.problems.length > 0 && (
        <ul className="problems" role="alert">
          {analysis.problems.map((p, i) => (
            <li key={i}>
              {p.message}
              {p.fix && ` ${p.fix}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
