import { networkProblems } from '../actions';
import { selectShowPanel } from '../store/selectors';
import { useStudio } from '../store/studio-store';

/** Beside the Train button: why the network cannot train, and the way to the Build panel. */
export function NetworkBlocker() {
  const problems = useStudio(networkProblems);
  const showPanel = useStudio(selectShowPanel);
  if (problems.length === 0) return null;
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return (
    <div className="network-blocker" data-testid="train-blocked" role="status">
      <p>
        The network has {count}: {problems.map((p) => p.message).join(' ')}
      </p>
      <button type="button" data-testid="open-build" onClick={() => showPanel('build')}>
        Fix it in the Build panel
      </button>
    </div>
  );
}
