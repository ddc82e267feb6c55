import { selectLastEpoch, selectProgress, selectRunState } from '../store/selectors';
import { useStudio } from '../store/studio-store';
import { formatPercent } from '../format';

const STATE_LABELS = {
  idle: 'Ready',
  preparing: 'Preparing…',
  training: 'Training',
  paused: 'Paused',
  stopping: 'Stopping…',
} as const;

/** Epoch, batch, global step and speed of the current run. */
export function RunProgress() {
  const state = useStudio(selectRunState);
  const progress = useStudio(selectProgress);
  const lastEpoch = useStudio(selectLastEpoch);
  return (
    <div className="run-progress" aria-live="polite">
      <div data-testid="run-state" data-state={state}>
        {STATE_LABELS[state]}
      </div>
      {progress && (
        <dl>
          {progress.fold && (
            <>
              <dt>Fold</dt>
              <dd data-testid="fold">
                {progress.fold.index} / {progress.fold.count}
              </dd>
            </>
          )}
          <dt>Epoch</dt>
          <dd data-testid="epoch">
            {progress.epoch} / {progress.epochs}
          </dd>
          <dt>Batch</dt>
          <dd>
            {progress.batch} / {progress.batchesPerEpoch}
          </dd>
          <dt>Step</dt>
          <dd data-testid="step">{progress.step}</dd>
          <dt>Speed</dt>
          <dd data-testid="speed">{Math.round(progress.examplesPerSec)} examples/s</dd>
        </dl>
      )}
      {lastEpoch && (
        <p data-testid="validation">
          Validation after epoch {lastEpoch.epoch}: accuracy{' '}
          {formatPercent(lastEpoch.validation.accuracy)}, loss{' '}
          {lastEpoch.validation.loss.toFixed(3)}
          <span
            className="tensor-count"
            data-testid="tensor-count"
            data-count={lastEpoch.numTensors}
          />
        </p>
      )}
    </div>
  );
}
