import type { Backend } from '../shared/backend';
import { BACKEND_LABELS } from '../shared/backend';
import type { ResumeAt, RunCut, RunMark } from '../shared/protocol';
import type { TrainSettings } from '../shared/train-settings';
import { stepsPerEpoch } from '../shared/train-settings';
import type { RunStart } from './training-run';

/** What to do after the device under a run was lost. */
export interface ResumePlan {
  /** The backends to try, in order: those after the lost one in the chain. */
  candidates: Backend[];
  /** The epochs the run goes on after: the latest checkpoint's, or 0 to start again. */
  epochsDone: number;
}

/** The backends after `lost` in `order`; the ones before it were passed over already. */
export function nextBackends(order: readonly Backend[], lost: Backend): Backend[] {
  return order.slice(order.indexOf(lost) + 1);
}

/** Where a run whose device was lost goes on: the next backends, from the latest checkpoint. */
export function resumePlan(
  order: readonly Backend[],
  lost: Backend,
  checkpointEpoch: number | null,
): ResumePlan {
  return { candidates: nextBackends(order, lost), epochsDone: checkpointEpoch ?? 0 };
}

/** What was lost, in words: a WebGL context or a WebGPU device. */
export function lossOf(lost: Backend): string {
  return lost === 'webgpu'
    ? 'the WebGPU device was lost'
    : `the ${BACKEND_LABELS[lost]} context was lost`;
}

/** Why `lost` was left, for the backend badge: what happened and where the run went on. */
export function lossReason(lost: Backend, epochsDone: number, active: Backend): string {
  const where = BACKEND_LABELS[active];
  return epochsDone > 0
    ? `${lossOf(lost)} during training; the run resumed on ${where} from the checkpoint of epoch ${epochsDone}`
    : `${lossOf(lost)} in epoch 1, before any checkpoint; the run started again from the beginning on ${where}`;
}

/** The mark on the curves where the resumed run picks up. */
export function resumeMark(
  lost: Backend,
  epochsDone: number,
  step: number,
  active: Backend,
): RunMark {
  const what = `${BACKEND_LABELS[lost]} lost`;
  const where = BACKEND_LABELS[active];
  const label =
    epochsDone > 0
      ? `${what}: resumed from epoch ${epochsDone} on ${where}`
      : `${what}: started again on ${where}`;
  return { kind: 'resumed', step, epoch: epochsDone, label };
}

/** A resumed run's end message: the checkpoint it went on from and after what, then how it ended. */
export function resumedMessage({ epochsDone, after }: RunStart, message: string): string {
  return `Resumed from the checkpoint of epoch ${epochsDone} after ${after}. ${message}`;
}

/** What cut a run the page resumes, in words. */
const CUT_WORDS: Record<RunCut, string> = {
  engineStopped: 'the training engine stopped',
  pageClosed: 'the page closed',
};

/**
 * Where a cut run the page asks to resume goes on: after `resume.epoch` of its epochs, from the
 * checkpoint of that epoch, restored as the current model (`restoredEpoch` is the one that is).
 * Throws, in words the user can act on, when that checkpoint is not the model, or when the
 * epochs done would not have taken `resume.steps` steps on the loaded data with these settings.
 */
export function cutRunStart(
  resume: ResumeAt,
  settings: TrainSettings,
  restoredEpoch: number,
  trainCount: number,
): RunStart {
  const { epoch, steps, validations, after } = resume;
  if (settings.crossValidation !== null) {
    throw new Error('A cross-validated run cannot go on from a checkpoint: train it again.');
  }
  if (restoredEpoch !== epoch) {
    throw new Error(
      `The checkpoint of epoch ${epoch} is no longer the model's weights, so the run cannot go on from it: train again.`,
    );
  }
  const perEpoch = stepsPerEpoch(settings, trainCount);
  if (steps !== epoch * perEpoch) {
    throw new Error(
      `The run had taken ${steps} steps in ${epoch} epoch${epoch === 1 ? '' : 's'}, but its settings take ${perEpoch} steps an epoch on the loaded data: the data changed, so it cannot go on. Train again.`,
    );
  }
  return { epochsDone: epoch, validations, after: CUT_WORDS[after] };
}
