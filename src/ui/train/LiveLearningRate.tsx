import { useState, useSyncExternalStore } from 'react';
import { send } from '../engine-client';
import { selectRunState } from '../store/selectors';
import { useStudio } from '../store/studio-store';
import { metricsBuffer } from './metrics-buffer';

const subscribe = (listener: () => void) => metricsBuffer.subscribe(listener);

/** The learning rate of the latest training window read back, or null before the first. */
function latestRate(): number | null {
  const points = metricsBuffer.all();
  for (let i = points.length - 1; i >= 0; i--) {
    const rate = points[i]?.learningRate;
    if (rate !== undefined) return rate;
  }
  return null;
}

/** Four significant digits, without a trail of zeros: 0.002, 0.0001234, 1.5e-7. */
const formatRate = (rate: number) => String(Number(rate.toPrecision(4)));

/**
 * The learning rate in force, as training reads it back, and a field to change it while the
 * run goes on: the change takes effect at the next step and is marked on the curves.
 */
export function LiveLearningRate() {
  const rate = useSyncExternalStore(subscribe, latestRate);
  const running = ['training', 'paused'].includes(useStudio(selectRunState));
  const [draft, setDraft] = useState('');
  const value = Number(draft);
  const valid = draft.trim() !== '' && Number.isFinite(value) && value > 0;
  if (rate === null && !running) return null;
  return (
    <form
      className="live-learning-rate"
      onSubmit={(event) => {
        event.preventDefault();
        if (!valid) return;
        send({ type: 'setLearningRate', value });
        setDraft('');
      }}
    >
      <p>
        Learning rate now{' '}
        <strong data-testid="current-learning-rate" data-value={rate ?? ''}>
          {rate === null ? '…' : formatRate(rate)}
        </strong>
      </p>
      {running && (
        <p>
          <label>
            Change to{' '}
            <input
              inputMode="decimal"
              size={8}
              data-testid="live-learning-rate"
              value={draft}
              aria-invalid={draft !== '' && !valid ? true : undefined}
              onChange={(event) => setDraft(event.target.value)}
            />
          </label>{' '}
          <button type="submit" data-testid="set-learning-rate" disabled={!valid}>
            Set
          </button>
        </p>
      )}
    </form>
  );
}
