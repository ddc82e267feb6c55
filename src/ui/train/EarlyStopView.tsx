import type { EarlyStop } from '../../shared/protocol';
import { formatPercent } from '../format';
import { metricsBuffer } from './metrics-buffer';

/**
 * The best epoch of a run early stopping watched, with its validation scores: the scores of
 * the weights the model now has when they were restored.
 */
export function EarlyStopView({ earlyStop }: { earlyStop: EarlyStop }) {
  const { bestEpoch, restored, stoppedAfter } = earlyStop;
  // The last match: a cross-validated run's folds each have an epoch of this number.
  const best = metricsBuffer
    .all()
    .findLast((point) => point.series === 'validation' && point.epoch === bestEpoch);
  return (
    <p
      className="early-stop"
      data-testid="early-stop"
      data-best-epoch={bestEpoch}
      data-stopped-after={stoppedAfter ?? ''}
      data-restored={restored}
    >
      Best epoch {bestEpoch}
      {best && (
        <>
          : validation accuracy{' '}
          <strong data-testid="best-validation-accuracy" data-value={best.accuracy}>
            {formatPercent(best.accuracy)}
          </strong>{' '}
          (loss {best.loss.toFixed(3)})
        </>
      )}
      {restored ? ', the weights the model has now.' : '.'}
    </p>
  );
}
