import { BACKEND_LABELS } from '../shared/backend';
import { selectBackend, selectBackendError } from './store/selectors';
import { useStudio } from './store/studio-store';

/** Shows which backend trains, and why better ones were passed over. */
export function BackendBadge() {
  const backend = useStudio(selectBackend);
  const error = useStudio(selectBackendError);
  if (error) {
    return (
      <div className="backend-badge error" data-testid="backend-badge" role="alert">
        No backend: {error}
      </div>
    );
  }
  if (!backend) {
    return (
      <div className="backend-badge" data-testid="backend-badge">
        Starting…
      </div>
    );
  }
  const why = backend.skipped.map((s) => `${BACKEND_LABELS[s.backend]}: ${s.reason}`);
  return (
    <div className="backend-badge" data-testid="backend-badge" data-backend={backend.active}>
      <span className="backend-name">{BACKEND_LABELS[backend.active]}</span>
      {why.length > 0 && (
        <span className="backend-skipped" data-testid="backend-skipped">
          (skipped {why.join('; ')})
        </span>
      )}
    </div>
  );
}
