import { selectReport, selectTrainError } from '../store/selectors';
import { useStudio } from '../store/studio-store';
import { formatPercent } from '../format';
import { CrossValidationView } from './CrossValidationView';
import { EarlyStopView } from './EarlyStopView';
import { RestoreBestButton } from './RestoreBestButton';

/** The end of a run: test accuracy, or what went wrong and what to try. */
export function RunReportView() {
  const report = useStudio(selectReport);
  const error = useStudio(selectTrainError);
  return (
    <>
      {error && (
        <p className="message error" role="alert" data-testid="train-error">
          {error}
        </p>
      )}
      {report && (
        <div
          className={`run-report ${report.outcome}`}
          data-testid="run-report"
          data-outcome={report.outcome}
        >
          <p
            role={
              report.outcome === 'diverged' || report.outcome === 'failed' ? 'alert' : undefined
            }
          >
            {report.message}
          </p>
          {report.test && (
            <p className="test-accuracy">
              Test accuracy{' '}
              <strong data-testid="test-accuracy" data-value={report.test.accuracy}>
                {formatPercent(report.test.accuracy)}
              </strong>{' '}
              (loss {report.test.loss.toFixed(3)}
              {report.restoredEpoch !== undefined && (
                <span data-testid="restored-epoch">
                  , with the weights of epoch {report.restoredEpoch}
                </span>
              )}
              )
            </p>
          )}
          {report.crossValidation && <CrossValidationView result={report.crossValidation} />}
          {report.earlyStop && <EarlyStopView earlyStop={report.earlyStop} />}
          {report.best && <RestoreBestButton best={report.best} />}
        </div>
      )}
    </>
  );
}
