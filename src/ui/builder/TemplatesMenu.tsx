import { useId } from 'react';
import { TEMPLATES } from '../../model/templates';
import { selectDatasetShape } from '../store/selectors';
import { useStudio } from '../store/studio-store';
import { requestFit } from './use-fit-network';

/** Replaces the network with a template fitted to the loaded dataset, as one undoable edit. */
export function TemplatesMenu() {
  const id = useId();
  const load = (templateId: string) => {
    const template = TEMPLATES.find((t) => t.id === templateId);
    if (!template) return;
    const state = useStudio.getState();
    state.edit([{ type: 'replaceSpec', spec: template.build(selectDatasetShape(state)) }], {
      select: [],
    });
    requestFit();
  };
  return (
    <span className="templates-menu">
      <label htmlFor={id}>Template</label>
      <select id={id} data-testid="template-select" value="" onChange={(e) => load(e.target.value)}>
        <option value="">Load a template…</option>
        {TEMPLATES.map((template) => (
          <option key={template.id} value={template.id} title={template.description}>
            {template.label}
          </option>
        ))}
      </select>
    </span>
  );
}
