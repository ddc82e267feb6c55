import type { ReactNode } from 'react';
import { RUN_ACTIONS } from './actions';
import { BackendBadge } from './BackendBadge';
import { PanelTabs } from './PanelTabs';
import { BuildPanel } from './panels/BuildPanel';
import { DataPanel } from './panels/DataPanel';
import { EmptyPanel } from './panels/EmptyPanel';
import { TrainPanel } from './train/TrainPanel';
import type { PanelId } from './store/ui-slice';
import { selectPanel } from './store/selectors';
import { useStudio } from './store/studio-store';
import { useShortcuts } from './use-shortcuts';

const PANEL_CONTENT: Record<PanelId, () => ReactNode> = {
  build: () => <BuildPanel />,
  data: () => <DataPanel />,
  train: () => <TrainPanel />,
  insights: () => (
    <EmptyPanel title="Insights">
      Feature maps, saliency maps, the confusion matrix and the prediction playground will live
      here. They are not built yet; the Train panel shows the live loss and accuracy curves.
    </EmptyPanel>
  ),
  export: () => (
    <EmptyPanel title="Export">
      Downloading the trained model as TensorFlow.js files or Keras code is not built yet.
    </EmptyPanel>
  ),
};

/** The studio shell: header with the active backend, panel tabs, and the open panel. */
export function App() {
  const panel = useStudio(selectPanel);
  useShortcuts(RUN_ACTIONS);
  return (
    <div className="app">
      <header className="app-header">
        <h1>Layerwise</h1>
        <PanelTabs />
        <BackendBadge />
      </header>
      <main
        className="app-main"
        id={`panel-${panel}`}
        role="tabpanel"
        aria-labelledby={`tab-${panel}`}
      >
        {PANEL_CONTENT[panel]()}
      </main>
    </div>
  );
}
