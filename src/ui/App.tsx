import type { ReactNode } from 'react';
import { Suspense, lazy } from 'react';
import { RUN_ACTIONS } from './actions';
import { BackendBadge } from './BackendBadge';
import { PanelTabs } from './PanelTabs';
import { BuildPanel } from './panels/BuildPanel';
import { DataPanel } from './panels/DataPanel';
import { InsightsPanel } from './insights/InsightsPanel';
import { TrainPanel } from './train/TrainPanel';
import { PlaygroundPanel } from './playground/PlaygroundPanel';
import { PresenterButton } from './presenter/PresenterButton';
import { ProjectMenu } from './project/ProjectMenu';
import { ProjectNoticeBar } from './project/ProjectNoticeBar';
import { VIEW_ACTIONS } from './presenter/presenter-actions';
import { PresenterView } from './presenter/PresenterView';
import type { PanelId } from './store/ui-slice';
import { selectPanel } from './store/selectors';
import type { StudioState } from './store/studio-store';
import { useStudio } from './store/studio-store';
import { useShortcuts } from './use-shortcuts';

// Export (zip, Keras code, model import) loads when its tab is first opened, not with the page.
const ExportPanel = lazy(async () => ({
  default: (await import('./export/ExportPanel')).ExportPanel,
}));

// So does the run history, with its comparison of networks.
const RunsPanel = lazy(async () => ({
  default: (await import('./runs/RunsPanel')).RunsPanel,
}));

const PANEL_CONTENT: Record<PanelId, () => ReactNode> = {
  build: () => <BuildPanel />,
  data: () => <DataPanel />,
  train: () => <TrainPanel />,
  runs: () => (
    <Suspense fallback={<p className="hint">Loading…</p>}>
      <RunsPanel />
    </Suspense>
  ),
  insights: () => <InsightsPanel />,
  playground: () => <PlaygroundPanel />,
  export: () => (
    <Suspense fallback={<p className="hint">Loading…</p>}>
      <ExportPanel />
    </Suspense>
  ),
};

const SHORTCUT_ACTIONS = [...RUN_ACTIONS, ...VIEW_ACTIONS];
const selectPresenter = (s: StudioState) => s.presenter;
const selectProjectRevision = (s: StudioState) => s.projectRevision;

/** The studio shell: header with the active backend, panel tabs, and the open panel. */
export function App() {
  const panel = useStudio(selectPanel);
  const presenter = useStudio(selectPresenter);
  const projectRevision = useStudio(selectProjectRevision);
  useShortcuts(SHORTCUT_ACTIONS);
  if (presenter) return <PresenterView />;
  return (
    <div className="app">
      <header className="app-header">
        <h1>Layerwise</h1>
        <PanelTabs />
        <ProjectMenu />
        <BackendBadge />
        <PresenterButton />
      </header>
      <ProjectNoticeBar />
      <main
        key={projectRevision}
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
