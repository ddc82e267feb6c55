import { useReactFlow } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import type { StudioState } from '../store/studio-store';
import { useStudio } from '../store/studio-store';
import type { BuilderAction } from './builder-actions';
import {
  clearAction,
  deleteAction,
  duplicateAction,
  redoAction,
  undoAction,
} from './builder-actions';
import type { Size } from './layout';
import { autoLayoutEdits } from './layout';
import { TemplatesMenu } from './TemplatesMenu';
import { requestFit, useFitNetwork } from './use-fit-network';

const BUTTONS: readonly BuilderAction[] = [
  undoAction,
  redoAction,
  duplicateAction,
  deleteAction,
  clearAction,
];
const selectEnabled = (s: StudioState) => BUTTONS.map((action) => action.enabled(s));

function shortcutText(action: BuilderAction): string {
  const chord = action.keys[0];
  return chord ? `${action.label} (${chord.replace('Mod', 'Ctrl').toUpperCase()})` : action.label;
}

/** Templates, history, editing and view buttons above the canvas. */
export function BuildToolbar() {
  const enabled = useStudio(useShallow(selectEnabled));
  const { getNodes } = useReactFlow();
  const fit = useFitNetwork();
  const layout = () => {
    const sizes: Record<string, Size> = {};
    for (const node of getNodes()) {
      if (node.measured?.width && node.measured.height) {
        sizes[node.id] = { width: node.measured.width, height: node.measured.height };
      }
    }
    const { spec, edit } = useStudio.getState();
    edit(autoLayoutEdits(spec, sizes));
    requestFit();
  };
  return (
    <div className="build-toolbar" role="toolbar" aria-label="Builder tools">
      <TemplatesMenu />
      {BUTTONS.map((action, i) => (
        <button
          key={action.id}
          type="button"
          data-testid={`${action.id}-button`}
          disabled={!enabled[i]}
          title={shortcutText(action)}
          aria-keyshortcuts={
            action.keys.map((k) => k.replace('Mod', 'Control')).join(' ') || undefined
          }
          onClick={() => action.run()}
        >
          {action.label}
        </button>
      ))}
      <button type="button" data-testid="layout-button" onClick={layout}>
        Auto-layout
      </button>
      <button type="button" data-testid="fit-button" onClick={() => fit(200)}>
        Zoom to fit
      </button>
    </div>
  );
}
