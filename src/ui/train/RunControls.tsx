import { RUN_ACTIONS } from '../actions';
import type { StudioState } from '../store/studio-store';
import { useStudio } from '../store/studio-store';
import { useShallow } from 'zustand/react/shallow';

const selectEnabled = (s: StudioState) => RUN_ACTIONS.map((a) => a.enabled(s));

/** Train / Pause / Resume / Stop, each enabled only when it makes sense. */
export function RunControls() {
  const enabled = useStudio(useShallow(selectEnabled));
  return (
    <div className="run-controls">
      {RUN_ACTIONS.map((action, i) => (
        <button
          key={action.id}
          data-testid={`${action.id}-button`}
          disabled={!enabled[i]}
          onClick={() => action.run()}
          aria-keyshortcuts={action.shortcut}
          title={
            action.shortcut ? `${action.label} (${action.shortcut.toUpperCase()})` : action.label
          }
        >
          {action.label}
        </button>
      ))}
    </div>
  );
}
