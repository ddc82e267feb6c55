import type { CheckpointInfo, MetricPoint, RunMark, WorkerEvent } from '../../shared/protocol';

/**
 * A resumed run is trained by the worker as a shorter run of its own, counted from epoch 1
 * and step 0; the page adds what the run had done before, so its curves, progress and record
 * go on where they stopped.
 */
export interface Continuation {
  epochs: number;
  steps: number;
}

/** What resuming a run from its checkpoint keeps, and how much is left to train. */
export interface ResumePlan {
  /** The run's points and marks up to the checkpoint: what came after it is trained again. */
  points: MetricPoint[];
  marks: RunMark[];
  continuation: Continuation;
  /** Epochs still to train. */
  epochs: number;
}

/**
 * The run's own number for the epoch a restored checkpoint holds: that of the run's validation
 * point with exactly its scores. The worker counts a resumed run's epochs from 1 again, and the
 * checkpoint kept may be an earlier run's; the scores tell them apart. Null when no point matches.
 */
export function runEpochOf(
  checkpoint: CheckpointInfo,
  points: readonly MetricPoint[],
): number | null {
  const match = points.findLast(
    (point) =>
      point.series === 'validation' &&
      point.loss === checkpoint.validation.loss &&
      point.accuracy === checkpoint.validation.accuracy,
  );
  return match?.epoch ?? null;
}

/** How to go on from the end of `epoch` in a run of `totalEpochs`; null when none are left. */
export function planResume(
  points: readonly MetricPoint[],
  marks: readonly RunMark[],
  epoch: number,
  batchesPerEpoch: number,
  totalEpochs: number,
): ResumePlan | null {
  if (epoch < 1 || epoch >= totalEpochs) return null;
  return {
    points: points.filter((point) => point.epoch <= epoch),
    marks: marks.filter((mark) => mark.epoch <= epoch),
    continuation: { epochs: epoch, steps: epoch * batchesPerEpoch },
    epochs: totalEpochs - epoch,
  };
}

/** "best epoch 2" → "best epoch 5" when 3 epochs came before. */
function shiftEpochWords(text: string, epochs: number): string {
  return text.replace(
    /\bepoch(,? )(\d+)/g,
    (_, gap: string, n: string) => `epoch${gap}${Number(n) + epochs}`,
  );
}

/** A worker event of a resumed run, numbered as part of the whole run. */
export function continueEvent(event: WorkerEvent, c: Continuation): WorkerEvent {
  switch (event.type) {
    case 'metrics':
      return {
        ...event,
        points: event.points.map((p) => ({
          ...p,
          step: p.step + c.steps,
          epoch: p.epoch + c.epochs,
        })),
      };
    case 'progress': {
      const { progress } = event;
      return {
        ...event,
        progress: {
          ...progress,
          epoch: progress.epoch + c.epochs,
          epochs: progress.epochs + c.epochs,
          step: progress.step + c.steps,
        },
      };
    }
    case 'epochEnd':
      return { ...event, summary: { ...event.summary, epoch: event.summary.epoch + c.epochs } };
    case 'mark': {
      const { mark } = event;
      return {
        ...event,
        mark: {
          ...mark,
          step: mark.step + c.steps,
          epoch: mark.epoch + c.epochs,
          label: shiftEpochWords(mark.label, c.epochs),
        },
      };
    }
    case 'runEnd':
      return {
        ...event,
        message: `Resumed from the checkpoint of epoch ${c.epochs}. ${shiftEpochWords(event.message, c.epochs)}`,
        ...(event.best && { best: { ...event.best, epoch: event.best.epoch + c.epochs } }),
        ...(event.earlyStop && {
          earlyStop: {
            ...event.earlyStop,
            bestEpoch: event.earlyStop.bestEpoch + c.epochs,
            stoppedAfter:
              event.earlyStop.stoppedAfter === null
                ? null
                : event.earlyStop.stoppedAfter + c.epochs,
            reason: event.earlyStop.reason && shiftEpochWords(event.earlyStop.reason, c.epochs),
          },
        }),
      };
    default:
      return event;
  }
}
