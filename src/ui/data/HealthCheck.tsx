import { useId } from 'react';
import type { HealthIssue } from '../../shared/dataset';
import { ClassLabel } from '../ClassLabel';
import { quotedClasses } from './quoted-classes';

const SEVERITY_WORDS: Record<HealthIssue['severity'], string> = {
  info: 'Note',
  warning: 'Warning',
  error: 'Problem',
};

/** What the health check found: imbalance, duplicates, leakage, classes too small to split. */
export function HealthCheck({
  issues,
  classNames,
}: {
  issues: HealthIssue[];
  classNames: readonly string[];
}) {
  const id = useId();
  return (
    <section className="health-check" data-testid="health-check" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Health check</h3>
      {issues.length === 0 ? (
        <p className="health-ok">No problems found.</p>
      ) : (
        <ul>
          {issues.map((issue, i) => (
            <li
              key={`${issue.kind}:${i}`}
              className={`health-issue ${issue.severity}`}
              data-testid="health-issue"
              data-kind={issue.kind}
              data-severity={issue.severity}
            >
              <strong>{SEVERITY_WORDS[issue.severity]}:</strong>{' '}
              {quotedClasses(issue.message, classNames).map((part, k) =>
                'text' in part ? part.text : <ClassLabel key={k} name={part.className} />,
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
