import { send } from './engine-client';
import type { StudioState } from './store/studio-store';
import { useStudio } from './store/studio-store';
import { metricsBuffer } from './train/metrics-buffer';
import { checkSettings } from '../shared/train-settings';
import type { Problem } from '../model/analyse';
import { selectAnalysis } from './store/analysis';

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
export const networkProblems = (s: StudioState): readonly Problem[] => selectAnalysis(s).problems;

const canTrain = (s: StudioState) =>
  s.runState === 'idle' &&
  s.dataset !== null &&
  s.backend !== null &&
  checkSettings(s.settings).length === 0 &&
  networkProblems(s).length === 0;

export const trainAction: Action = {
  id: 'train',
  label: 'Train',
  shortcut: 't',
  enabled: canTrain,
  run() {
    const { spec, settings, beginRun, report, continueTraining } = useStudio.getState();
    const keepWeights = continueTraining && report !== null;
    metricsBuffer.clear();
    beginRun();
    send({ type: 'train', spec, settings, keepWeights });
  },
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
