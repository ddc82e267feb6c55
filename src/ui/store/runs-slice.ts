import type { StateCreator } from 'zustand';
import type { RunEndEvent } from '../../shared/protocol';
import { analyse } from '../../model/analyse';
import type { RunPurpose, RunRecord, RunStart } from '../../shared/run-record';
import { epochCutIn } from '../../shared/run-record';
import { metricsBuffer } from '../train/metrics-buffer';
import { selectDatasetShape } from './analysis';
import type { StudioState } from './studio-store';

/** Where the latest sweep stands, for the sweep form wherever the user goes meanwhile. */
export interface SweepState {
  id: string;
  status:
    | { kind: 'running'; run: number; runs: number; label: string }
    | { kind: 'done' | 'error'; text: string };
}

export interface RunsSlice {
  /** Every finished run of the project, oldest first. */
  runs: RunRecord[];
  /** The run under way, until it ends. */
  runStart: RunStart | null;
  /** Runs ticked in the runs table, for overlaying and comparing, in the order ticked. */
  selectedRuns: string[];
  /**
   * Notes the start of a run: of the current network and settings, unless `purpose` names
   * others. Returns the run's id, which the worker keeps its trained model under.
   */
  recordRunStart: (purpose?: RunPurpose) => string;
  /** Files the run that just ended, from its start, its curves and its end. */
  recordRunEnd: (end: RunEndEvent) => RunRecord | null;
  /** Files the run cut short (a stopped engine, a closed page) as interrupted: it will not go on. */
  fileInterrupted: () => void;
  toggleRunSelected: (id: string) => void;
  deleteRun: (id: string) => void;
  sweep: SweepState | null;
  setSweep: (sweep: SweepState | null) => void;
  /** Puts an opened project's runs in place of the current ones. */
  setRuns: (runs: RunRecord[]) => void;
}

/** The record of the run `start` began, with the current curves, numbered after `runs`. */
function recordOf(
  start: RunStart,
  runs: readonly RunRecord[],
  end: Pick<RunRecord, 'durationMs' | 'outcome' | 'message' | 'test' | 'crossValidation'>,
): RunRecord {
  const { test, crossValidation, ...rest } = end;
  return {
    ...start,
    number: (runs.at(-1)?.number ?? 0) + 1,
    points: [...metricsBuffer.all()],
    marks: [...metricsBuffer.marks()],
    ...rest,
    ...(test && { test }),
    ...(crossValidation && { crossValidation }),
  };
}

export const createRunsSlice: StateCreator<StudioState, [], [], RunsSlice> = (set, get) => ({
  runs: [],
  runStart: null,
  selectedRuns: [],
  recordRunStart: ({ note, sweep, spec, settings } = {}) => {
    const state = get();
    const summary = state.dataset?.summary;
    const network = spec ?? state.spec;
    const id = crypto.randomUUID();
    set({
      runStart: {
        id,
        spec: network,
        settings: settings ?? state.settings,
        dataset: {
          name: summary?.name ?? '',
          fingerprint: summary?.fingerprint ?? '',
          classNames: summary?.classNames ?? [],
        },
        params: analyse(network, selectDatasetShape(state)).totalParams,
        startedAt: Date.now(),
        ...(note !== undefined && { note }),
        ...(sweep !== undefined && { sweep }),
      },
    });
    return id;
  },
  recordRunEnd: (end) => {
    const { runStart, runs } = get();
    // A run that failed to start, or whose start this page never saw, is not a run to keep.
    if (!runStart || end.outcome === 'failed') {
      set({ runStart: null });
      return null;
    }
    const record = recordOf(runStart, runs, {
      durationMs: Date.now() - runStart.startedAt,
      outcome: end.outcome,
      message: end.message,
      test: end.test,
      crossValidation: end.crossValidation,
    });
    set({ runs: [...runs, record], runStart: null });
    return record;
  },
  fileInterrupted: () => {
    const { interrupted, runs } = get();
    if (!interrupted) return;
    const { start } = interrupted.run;
    const points = metricsBuffer.all();
    const epoch = epochCutIn(points);
    // Until its last point, not until the cut was noticed: after a reload, maybe hours later.
    const endedAt = points.at(-1)?.time ?? interrupted.cutAt;
    const record = recordOf(start, runs, {
      durationMs: Math.max(0, endedAt - start.startedAt),
      outcome: 'interrupted',
      message: `Interrupted at epoch ${epoch} of ${start.settings.epochs}, and not resumed.`,
    });
    set({ runs: [...runs, record], interrupted: null });
  },
  toggleRunSelected: (id) =>
    set(({ selectedRuns }) => ({
      selectedRuns: selectedRuns.includes(id)
        ? selectedRuns.filter((selected) => selected !== id)
        : [...selectedRuns, id],
    })),
  deleteRun: (id) =>
    set(({ runs, selectedRuns }) => ({
      runs: runs.filter((run) => run.id !== id),
      selectedRuns: selectedRuns.filter((selected) => selected !== id),
    })),
  sweep: null,
  setSweep: (sweep) => set({ sweep }),
  setRuns: (runs) => set({ runs, selectedRuns: [], runStart: null }),
});
