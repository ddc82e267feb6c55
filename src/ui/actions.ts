import { send } from './engine-client';
import type { StudioState } from './store/studio-store';
import { useStudio } from './store/studio-store';
import { metricsBuffer } from './train/metrics-buffer';
import type { RunPurpose } from '../shared/run-record';
import { checkSettings } from '../shared/train-settings';
import type { Problem } from '../model/analyse';
import { selectTrainingProblems } from './store/analysis';

/** A user action as data, shared by buttons, keyboard shortcuts and tests. */
export interface Action {
  id: string;
  label: string;
  /** `KeyboardEvent.key`, pressed with no modifier outside text fields. */
  shortcut?: string;
  enabled: (state: StudioState) => boolean;
  run: () => void;
}

/**
 * What stops the network from training on the loaded dataset; empty when it can train. The
 * Train action and the Train panel's explanation both read this, so they cannot disagree.
 */
export const networkProblems = (s: StudioState): readonly Problem[] => selectTrainingProblems(s);

const canTrain = (s: StudioState) =>
  s.runState === 'idle' &&
  s.engine.kind === 'running' &&
  s.dataset !== null &&
  s.backend !== null &&
  checkSettings(s.settings).length === 0 &&
  networkProblems(s).length === 0;

/**
 * Trains the current network with the current settings (from the current weights when the
 * user asked to continue), or what `purpose` names instead, and notes the run's start for the
 * run history. A cut run not resumed is filed there first, as interrupted.
 */
export function startRun(purpose: RunPurpose = {}): void {
  const state = useStudio.getState();
  const spec = purpose.spec ?? state.spec;
  const settings = purpose.settings ?? state.settings;
  const keepWeights = state.continueTraining && state.report !== null;
  state.fileInterrupted();
  metricsBuffer.clear();
  state.beginRun();
  const runId = state.recordRunStart(purpose);
  send({ type: 'train', spec, settings, keepWeights, runId });
}

export const trainAction: Action = {
  id: 'train',
  label: 'Train',
  shortcut: 't',
  enabled: canTrain,
  run: () => startRun(),
};

export const pauseAction: Action = {
  id: 'pause',
  label: 'Pause',
  shortcut: 'p',
  enabled: (s) => s.runState === 'training',
  run: () => send({ type: 'pause' }),
};

export const resumeAction: Action = {
  id: 'resume',
  label: 'Resume',
  shortcut: 'r',
  enabled: (s) => s.runState === 'paused',
  run: () => send({ type: 'resume' }),
};

export const stopAction: Action = {
  id: 'stop',
  label: 'Stop',
  shortcut: 's',
  enabled: (s) => s.runState === 'training' || s.runState === 'paused',
  run: () => send({ type: 'stop' }),
};

export const RUN_ACTIONS: readonly Action[] = [trainAction, pauseAction, resumeAction, stopAction];
