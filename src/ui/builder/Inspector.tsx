import { useId } from 'react';
import { formatShape, layerDefinition } from '../../model/layers';
import { formatCount } from '../format';
import {
  selectAnalysis,
  selectSelectedNode,
  selectSelection,
  selectSpec,
} from '../store/selectors';
import { useStudio } from '../store/studio-store';
import { ConfigField } from './ConfigField';
import { PretrainedBaseForm } from './PretrainedBaseForm';
import { problemsAbout } from './field-check';
import { WiringControls } from './WiringControls';

/**
 * The selected layer's name, settings and wires. Every keystroke is an edit, so the canvas,
 * the totals and the problems follow as the user types.
 */
export function Inspector() {
  const layer = useStudio(selectSelectedNode);
  const selected = useStudio(selectSelection).length;
  const spec = useStudio(selectSpec);
  const analysis = useStudio(selectAnalysis);
  const nameId = useId();
  if (!layer) {
    return (
      <aside className="inspector" aria-label="Inspector" data-testid="inspector">
        <h3>Inspector</h3>
        <p className="hint">
          {selected > 1
            ? `${selected} layers selected. Select one to edit it.`
            : 'Select a layer on the canvas to edit it, or add one from the palette.'}
        </p>
      </aside>
    );
  }
  const definition = layerDefinition(layer.kind);
  const problems = analysis.problems
    .filter((problem) => problem.nodeId === layer.id)
    .map((problem) => problem.message);
  const fieldProblems = new Set(
    definition.fields.flatMap((field) => problemsAbout(field, problems)),
  );
  const shape = analysis.shapes[layer.id];
  return (
    <aside className="inspector" aria-label="Inspector" data-testid="inspector">
      <h3>
        {definition.label} <span className="hint">({layer.id})</span>
      </h3>
      <p className="inspector-stats" data-testid="inspector-stats">
        Output {shape ? formatShape(shape) : '?'} · {formatCount(analysis.params[layer.id] ?? 0)}{' '}
        params · {formatCount(analysis.flops[layer.id] ?? 0)} FLOPs
      </p>
      {problems
        .filter((message) => !fieldProblems.has(message))
        .map((message) => (
          <p key={message} className="field-problem" role="alert">
            {message}
          </p>
        ))}
      <div className="inspector-field">
        <label htmlFor={nameId}>Name</label>
        <input
          id={nameId}
          data-testid="field-name"
          value={layer.name ?? layer.id}
          onChange={(event) =>
            useStudio
              .getState()
              .edit([{ type: 'rename', id: layer.id, name: event.target.value }], {
                mergeKey: `rename:${layer.id}`,
              })
          }
        />
      </div>
      {layer.kind === 'pretrainedBase' && <PretrainedBaseForm key={layer.id} layer={layer} />}
      {definition.fields.map((field) => (
        <ConfigField
          key={`${layer.id}:${field.key}`}
          layer={layer}
          field={field}
          problems={problemsAbout(field, problems)}
        />
      ))}
      <WiringControls spec={spec} layer={layer} />
    </aside>
  );
}
