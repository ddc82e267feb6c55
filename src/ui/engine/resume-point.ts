import type {
  CheckpointInfo,
  MetricPoint,
  ResumeAt,
  RunCut,
  Validation,
} from '../../shared/protocol';

/**
 * Where a cut run of `totalEpochs` can go on from a restored checkpoint: after the checkpoint's
 * epoch, at the step of that epoch's validation point, with the validation scores of every epoch
 * up to it. The checkpoint is the run's only when that point holds exactly its scores, which
 * tells the cut run's checkpoint from an earlier run's. Null when it is not the run's, when an
 * epoch's scores are missing, or when no epoch is left to train. `after` is what cut the run.
 */
export function resumePoint(
  checkpoint: CheckpointInfo,
  points: readonly MetricPoint[],
  totalEpochs: number,
  after: RunCut,
): ResumeAt | null {
  const { epoch } = checkpoint;
  const validationOf = (n: number) =>
    points.findLast((point) => point.series === 'validation' && point.epoch === n);
  const at = validationOf(epoch);
  const sameScores =
    at?.loss === checkpoint.validation.loss && at.accuracy === checkpoint.validation.accuracy;
  if (!at || !sameScores || epoch < 1 || epoch >= totalEpochs) return null;
  const validations: Validation[] = [];
  for (let n = 1; n <= epoch; n++) {
    const point = validationOf(n);
    if (!point) return null;
    validations.push({ loss: point.loss, accuracy: point.accuracy });
  }
  return { epoch, steps: at.step, validations, after };
}
