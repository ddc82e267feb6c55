import { formatPercent } from '../format';
import { topK } from './preprocess';

function Bar({ name, p, testId }: { name: string; p: number; testId: string }) {
  return (
    <li data-testid={testId} data-class={name} data-value={p}>
      <span className="probability-name" title={name}>
        {name}
      </span>
      <span
        className="probability-meter"
        role="meter"
        aria-label={name}
        aria-valuemin={0}
        aria-valuemax={1}
        aria-valuenow={p}
        aria-valuetext={formatPercent(p)}
      >
        <span className="probability-fill" style={{ width: `${(p * 100).toFixed(1)}%` }} />
      </span>
      <span className="probability-value">{formatPercent(p)}</span>
    </li>
  );
}

/**
 * The top-k classes (k = 5, or fewer classes) as labelled meters, most probable first, and
 * the remaining classes together, so the bars always add up to 100%.
 */
export function ProbabilityBars({
  probabilities,
  classNames,
}: {
  probabilities: Float32Array;
  classNames: readonly string[];
}) {
  const top = topK(probabilities, classNames, Math.min(5, classNames.length));
  const rest = probabilities.length - top.length;
  const restP = Math.max(
    0,
    probabilities.reduce((sum, p) => sum + p, 0) - top.reduce((sum, t) => sum + t.p, 0),
  );
  return (
    <ol className="probability-bars" data-testid="probability-bars" aria-label="Prediction">
      {top.map(({ classIndex, name, p }) => (
        <Bar key={classIndex} name={name} p={p} testId="probability" />
      ))}
      {rest > 0 && (
        <Bar
          name={`other ${rest} ${rest === 1 ? 'class' : 'classes'}`}
          p={restP}
          testId="probability-rest"
        />
      )}
    </ol>
  );
}
