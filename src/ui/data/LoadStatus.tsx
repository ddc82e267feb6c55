import { selectDatasetError, selectLoadOutcome, selectLoading } from '../store/selectors';
import { useStudio } from '../store/studio-store';
import { cancelLoad } from './page-load';
import { progressPercent, progressText } from './progress-text';
import { SkippedList } from './SkippedList';

/**
 * The load under way (a progress bar with Cancel) or how the last one went wrong. Either way the
 * dataset loaded before stays below, usable.
 */
export function LoadStatus() {
  const loading = useStudio(selectLoading);
  const outcome = useStudio(selectLoadOutcome);
  const error = useStudio(selectDatasetError);
  const progress = loading?.progress ?? null;
  const percent = progress ? progressPercent(progress) : null;
  const text = progress ? progressText(progress) : 'Starting…';
  return (
    <>
      {loading && (
        <div className="load-status">
          <div
            className={percent === null ? 'load-bar indeterminate' : 'load-bar'}
            role="progressbar"
            aria-label="Loading the dataset"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent ?? undefined}
            aria-valuetext={text}
            data-testid="load-progress"
            data-stage={progress?.stage ?? 'starting'}
          >
            <div className="load-bar-fill" style={{ width: `${percent ?? 100}%` }} />
          </div>
          <span className="load-text">{text}</span>
          <button type="button" data-testid="load-cancel" onClick={cancelLoad}>
            Cancel
          </button>
        </div>
      )}
      {outcome && (
        <p
          className={outcome.outcome === 'failed' ? 'message error' : 'message'}
          role={outcome.outcome === 'failed' ? 'alert' : 'status'}
          data-testid="load-message"
          data-outcome={outcome.outcome}
        >
          {outcome.message ||
            (outcome.outcome === 'cancelled'
              ? 'Loading was cancelled; the dataset loaded before is still in use.'
              : 'Loading failed; the dataset loaded before is still in use.')}
        </p>
      )}
      {outcome && outcome.skipped.length > 0 && <SkippedList items={outcome.skipped} />}
      {error && (
        <p className="message error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
