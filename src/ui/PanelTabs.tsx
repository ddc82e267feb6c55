import { PANELS } from './store/ui-slice';
import type { PanelId } from './store/ui-slice';
import { selectPanel, selectShowPanel } from './store/selectors';
import { useStudio } from './store/studio-store';

const LABELS: Record<PanelId, string> = {
  build: 'Build',
  data: 'Data',
  train: 'Train',
  runs: 'Runs',
  insights: 'Insights',
  playground: 'Playground',
  export: 'Export',
};

/** The row of panel tabs in the header. */
export function PanelTabs() {
  const panel = useStudio(selectPanel);
  const showPanel = useStudio(selectShowPanel);
  return (
    <nav className="panel-tabs" role="tablist" aria-label="Panels">
      {PANELS.map((id) => (
        <button
          key={id}
          id={`tab-${id}`}
          role="tab"
          aria-selected={panel === id}
          aria-controls={`panel-${id}`}
          data-testid={`tab-${id}`}
          onClick={() => showPanel(id)}
        >
          {LABELS[id]}
        </button>
      ))}
    </nav>
  );
}
