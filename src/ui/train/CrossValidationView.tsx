import type { CrossValidationResult } from '../../shared/protocol';
import { formatMeanSpread, formatPercent } from '../format';

/** A cross-validated run's validation accuracy: mean ± spread over the folds, then each fold's. */
export function CrossValidationView({ result }: { result: CrossValidationResult }) {
  return (
    <div
      className="cross-validation"
      data-testid="cross-validation-result"
      data-mean={result.mean}
      data-std={result.std}
    >
      <p>
        {result.folds.length}-fold cross-validation: validation accuracy{' '}
        <strong>{formatMeanSpread(result)}</strong>
      </p>
      <ol className="cross-validation-folds" aria-label="Validation accuracy of each fold">
        {result.folds.map((accuracy, i) => (
          <li key={i} data-testid="cross-validation-fold" data-value={accuracy}>
            Fold {i + 1}: {formatPercent(accuracy)}
          </li>
        ))}
      </ol>
    </div>
  );
}
