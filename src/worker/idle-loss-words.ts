import type { Backend } from '../shared/backend';
import { BACKEND_LABELS } from '../shared/backend';
import { lossOf } from './resume-plan';

/** Where a network rebuilt after its device was lost got its weights. */
export type Recovered =
  /** No network had been built or trained yet. */
  | { from: 'nothing' }
  /** The copy of its weights kept on the host after it last changed. */
  | { from: 'mirror' }
  /** The last run's latest checkpoint, made at the end of `epoch`. */
  | { from: 'checkpoint'; epoch: number }
  /** Nothing could be recovered: it has the weights of a fresh build. */
  | { from: 'fresh' }
  /** It could not be built again, for `why`. */
  | { from: 'failed'; why: string };

/** A message for the studio's notice bar. */
export interface Notice {
  tone: 'info' | 'error';
  message: string;
}

/** Why `lost` was left while no run trained, for the backend badge. */
export function idleLossReason(lost: Backend, active: Backend): string {
  return `${lossOf(lost)} while no run was training; the studio moved to ${BACKEND_LABELS[active]}`;
}

/** What the student is told about the network after the GPU went while nothing trained. */
export function idleLossNotice(recovered: Recovered, active: Backend): Notice {
  const where = BACKEND_LABELS[active];
  switch (recovered.from) {
    case 'nothing':
      return { tone: 'info', message: `The GPU was lost; the studio goes on on ${where}.` };
    case 'mirror':
      return {
        tone: 'info',
        message: `The GPU was lost; the studio goes on on ${where}, and the network keeps its trained weights.`,
      };
    case 'checkpoint':
      return {
        tone: 'info',
        message: `The GPU was lost; the studio goes on on ${where}, and the network has the weights of its checkpoint of epoch ${recovered.epoch}: its last ones were on the GPU.`,
      };
    case 'fresh':
      return {
        tone: 'error',
        message: `The GPU was lost; the network starts again from fresh weights on ${where}: its trained weights were on the GPU. Train it again.`,
      };
    case 'failed':
      return {
        tone: 'error',
        message: `The GPU was lost, and the network could not be built again on ${where} (${recovered.why}): train it again.`,
      };
  }
}
