import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { BuilderCanvas } from '../builder/BuilderCanvas';
import { BuildToolbar } from '../builder/BuildToolbar';
import { BuildTotals } from '../builder/BuildTotals';
import { Inspector } from '../builder/Inspector';
import { Palette } from '../builder/Palette';
import { ProblemsList } from '../builder/ProblemsList';
import { SpecProbe } from '../builder/SpecProbe';
import { SummaryTable } from '../builder/SummaryTable';
import { useBuilderShortcuts } from '../builder/use-builder-shortcuts';

/**
 * The layer builder: palette, canvas and inspector, with the network's totals, problems and
 * summary. One flow provider lets the toolbar and problems list steer the canvas's view.
 */
export function BuildPanel() {
  useBuilderShortcuts();
  return (
    <ReactFlowProvider>
      <section className="panel build-panel" data-testid="build-panel" aria-label="Build">
        <div className="build-header">
          <h2>Build</h2>
          <BuildTotals />
        </div>
        <BuildToolbar />
        <div className="builder">
          <Palette />
          <BuilderCanvas />
          <Inspector />
        </div>
        <ProblemsList />
        <SummaryTable />
        <SpecProbe />
      </section>
    </ReactFlowProvider>
  );
}
