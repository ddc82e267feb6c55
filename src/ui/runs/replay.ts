import type { RunRecord } from '../../shared/run-record';
import { startRun } from '../actions';
import { useStudio } from '../store/studio-store';

/**
 * Trains a run again from its record: its network and settings (seed included) on the same
 * data, from fresh weights. Returns why it cannot, or null once the run has started.
 */
export function replayRun(run: RunRecord): string | null {
  const state = useStudio.getState();
  if (state.runState !== 'idle') return 'A run is in progress: stop it before replaying another.';
  if (state.dataset?.summary.fingerprint !== run.dataset.fingerprint) {
    return `Run ${run.number} trained on other data (${run.dataset.name}): load that dataset first.`;
  }
  state.edit([{ type: 'replaceSpec', spec: run.spec }]);
  state.updateSettings(run.settings);
  state.setContinueTraining(false);
  state.showPanel('train');
  startRun({ note: `replay of Run ${run.number}` });
  return null;
}
