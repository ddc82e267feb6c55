import { useState } from 'react';
import type { RunRecord } from '../../shared/run-record';
import { useStudio } from '../store/studio-store';
import { EnsembleSection } from './EnsembleSection';
import { RunDiffView } from './RunDiffView';
import { RunsOverlay } from './RunsOverlay';
import { RunsTable } from './RunsTable';
import { SweepForm } from './SweepForm';
import { SweepResults } from './SweepResults';
import { replayRun } from './replay';
import './runs.css';

/**
 * The run history: every run of the project in a sortable table; tick two or more to overlay
 * their curves and score them as an ensemble, exactly two to see what changed between them;
 * replay any run from its record; sweep a setting or two over a few values.
 */
export function RunsPanel() {
  const runs = useStudio((s) => s.runs);
  const selectedIds = useStudio((s) => s.selectedRuns);
  const [problem, setProblem] = useState<string | null>(null);
  const sweep = useStudio((s) => s.sweep?.id);
  const selected = selectedIds
    .map((id) => runs.find((run) => run.id === id))
    .filter((run): run is RunRecord => run !== undefined);
  const [before, after] = [...selected].sort((a, b) => a.number - b.number);
  return (
    <section className="panel runs-panel" aria-labelledby="runs-title">
      <h2 id="runs-title">Runs</h2>
      {runs.length === 0 ? (
        <p className="hint" data-testid="runs-empty">
          Every run you train is kept here with its network, settings, curves and scores. Train
          twice with one change to compare the two.
        </p>
      ) : (
        <>
          <p className="hint">
            Tick two or more runs to overlay their curves or make an ensemble of them; exactly two
            to see what changed.
          </p>
          <RunsTable runs={runs} onReplay={(run) => setProblem(replayRun(run))} />
          {problem && (
            <p className="message error" role="alert">
              {problem}
            </p>
          )}
        </>
      )}
      <SweepForm />
      {sweep && <SweepResults id={sweep} />}
      {selected.length >= 2 && <RunsOverlay runs={selected} />}
      {selected.length === 2 && before && after && <RunDiffView before={before} after={after} />}
      {runs.length > 0 && <EnsembleSection runs={selected} />}
    </section>
  );
}
