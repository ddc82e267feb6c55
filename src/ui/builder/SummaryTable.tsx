import { formatShape, layerDefinition } from '../../model/layers';
import { formatCount } from '../format';
import { selectAnalysis, selectSpec } from '../store/selectors';
import { useStudio } from '../store/studio-store';

/** The network as Keras' `summary()` prints it: layer, type, output shape, params, inputs. */
export function SummaryTable() {
  const spec = useStudio(selectSpec);
  const analysis = useStudio(selectAnalysis);
  const byId = new Map(spec.nodes.map((node) => [node.id, node]));
  const nameOf = (id: string) => byId.get(id)?.name ?? id;
  // Layers in loops are missing from the topological order; list them after it.
  const listed = [
    ...analysis.order,
    ...spec.nodes.map((n) => n.id).filter((id) => !analysis.order.includes(id)),
  ];
  return (
    <table className="summary-table" data-testid="model-summary">
      <caption>Model summary</caption>
      <thead>
        <tr>
          <th scope="col">Layer</th>
          <th scope="col">Type</th>
          <th scope="col">Output shape</th>
          <th scope="col">Parameters</th>
          <th scope="col">FLOPs / example</th>
          <th scope="col">Connected to</th>
        </tr>
      </thead>
      <tbody>
        {listed.map((id) => {
          const node = byId.get(id);
          if (!node) return null;
          const shape = analysis.shapes[id];
          const inputs = spec.edges
            .filter((edge) => edge.to === id)
            .map((edge) => nameOf(edge.from));
          return (
            <tr key={id} data-testid={`summary-row-${id}`}>
              <th scope="row" title={layerDefinition(node.kind).description}>
                {node.name ?? id}
              </th>
              <td>{layerDefinition(node.kind).label}</td>
              <td>{shape ? formatShape(shape) : '?'}</td>
              <td className="number">{formatCount(analysis.params[id] ?? 0)}</td>
              <td className="number">{formatCount(analysis.flops[id] ?? 0)}</td>
              <td>{inputs.join(', ')}</td>
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
          <td />
        </tr>
      </tfoot>
    </table>
  );
}
