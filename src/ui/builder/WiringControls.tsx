import { useId } from 'react';
import type { Edge, LayerNode, ModelSpec } from '../../shared/model-spec';
import { useStudio } from '../store/studio-store';
import { nextWire } from './placement';

const nameOf = (spec: ModelSpec, id: string) =>
  spec.nodes.find((node) => node.id === id)?.name ?? id;

/**
 * Wiring without a mouse: pick a layer to connect from or to, and remove wires one by one,
 * so keyboard and touch users can build any graph the canvas can.
 */
export function WiringControls({ spec, layer }: { spec: ModelSpec; layer: LayerNode }) {
  const inputId = useId();
  const outputId = useId();
  const edit = (edits: Parameters<ReturnType<typeof useStudio.getState>['edit']>[0]) =>
    useStudio.getState().edit(edits);
  const incoming = spec.edges.filter((edge) => edge.to === layer.id);
  const outgoing = spec.edges.filter((edge) => edge.from === layer.id);
  const others = spec.nodes.filter((node) => node.id !== layer.id);
  const sources = others.filter((node) => !incoming.some((edge) => edge.from === node.id));
  const targets = others.filter(
    (node) => node.kind !== 'input' && !outgoing.some((edge) => edge.to === node.id),
  );
  const wireRow = (edge: Edge, other: string, direction: string) => (
    <li key={`${edge.from}-${edge.to}-${edge.port ?? 0}`}>
      {direction} {nameOf(spec, other)}{' '}
      <button
        type="button"
        data-testid={`remove-wire-${edge.from}-${edge.to}`}
        aria-label={`Remove the wire from ${nameOf(spec, edge.from)} to ${nameOf(spec, edge.to)}`}
        onClick={() => edit([{ type: 'disconnect', edge }])}
      >
        Remove
      </button>
    </li>
  );
  return (
    <section className="wiring" aria-label="Wires">
      <h4>Wires</h4>
      <ul className="wire-list">
        {incoming.map((edge) => wireRow(edge, edge.from, 'From'))}
        {outgoing.map((edge) => wireRow(edge, edge.to, 'To'))}
      </ul>
      {layer.kind !== 'input' && (
        <div className="inspector-field">
          <label htmlFor={inputId}>Connect input from…</label>
          <select
            id={inputId}
            data-testid="connect-input"
            value=""
            onChange={(event) =>
              edit([{ type: 'connect', edge: nextWire(spec, event.target.value, layer.id) }])
            }
          >
            <option value="">Choose a layer</option>
            {sources.map((node) => (
              <option key={node.id} value={node.id}>
                {node.name ?? node.id}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="inspector-field">
        <label htmlFor={outputId}>Connect output to…</label>
        <select
          id={outputId}
          data-testid="connect-output"
          value=""
          onChange={(event) =>
            edit([{ type: 'connect', edge: nextWire(spec, layer.id, event.target.value) }])
          }
        >
          <option value="">Choose a layer</option>
          {targets.map((node) => (
            <option key={node.id} value={node.id}>
              {node.name ?? node.id}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}
