import type { SweepPlanRun } from '../../shared/sweep';
import { applySweepValues } from '../../shared/sweep';
import { checkSettings } from '../../shared/train-settings';
import { startRun } from '../actions';
import { send } from '../engine-client';
import type { StudioState } from '../store/studio-store';
import { useStudio } from '../store/studio-store';

/** The sweep under way, so Cancel reaches it from wherever the form was reopened. */
let current: AbortController | null = null;

/** Resolves once the run under way has ended (its end comes before the page is idle again). */
function runFinished(): Promise<void> {
  return new Promise((resolve) => {
    const unsubscribe = useStudio.subscribe((state: StudioState) => {
      if (state.runState !== 'idle') return;
      unsubscribe();
      resolve();
    });
  });
}

/** The plan's networks and settings, checked before any run starts. */
function prepare(plan: SweepPlanRun[]) {
  const { spec, settings } = useStudio.getState();
  return plan.map((run) => {
    const applied = applySweepValues(spec, settings, run.values);
    const runSettings = { ...applied.settings, epochs: run.epochs };
    const problem = checkSettings(runSettings)[0];
    if (problem) throw new Error(`${run.label}: ${problem.message}`);
    return { run, spec: applied.spec, settings: runSettings };
  });
}

/**
 * Trains the plan's runs one after another, each from fresh weights with the builder's
 * network and the form's settings changed by its values; the builder and the form stay as
 * they are. Where it stands is kept in the store's `sweep`. A run the worker refuses ends the
 * sweep with its reason; `cancelSweep` stops the run under way and starts no more.
 */
export async function runSweep(plan: SweepPlanRun[]): Promise<void> {
  const { setSweep, setContinueTraining } = useStudio.getState();
  const id = crypto.randomUUID();
  let finished = 0;
  const controller = new AbortController();
  try {
    const runs = prepare(plan);
    current = controller;
    setContinueTraining(false);
    for (const [i, { run, spec, settings }] of runs.entries()) {
      if (controller.signal.aborted) break;
      setSweep({
        id,
        status: { kind: 'running', run: i + 1, runs: runs.length, label: run.label },
      });
      const ended = runFinished();
      startRun({ spec, settings, note: run.label, sweep: { id, values: run.values } });
      await ended;
      const { trainError, runStart, engine } = useStudio.getState();
      if (engine.kind === 'stopped') {
        throw new Error(`${run.label}: the training engine stopped, which ended the sweep.`);
      }
      if (runStart !== null) {
        useStudio.setState({ runStart: null });
        throw new Error(trainError ?? `${run.label}: the run did not start.`);
      }
      if (!controller.signal.aborted) finished++;
    }
    const text = controller.signal.aborted
      ? `Sweep cancelled after ${finished} of ${plan.length} runs.`
      : `Sweep finished: ${plan.length} runs, each ${plan[0]?.epochs ?? 0} epoch(s).`;
    setSweep({ id, status: { kind: 'done', text } });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    setSweep({ id, status: { kind: 'error', text } });
  } finally {
    if (current === controller) current = null;
  }
}

/** Stops the sweep under way: its current run stops, and no other starts. */
export function cancelSweep(): void {
  if (!current) return;
  current.abort();
  send({ type: 'stop' });
}
