import { selectSpec } from '../store/selectors';
import { useStudio } from '../store/studio-store';

/**
 * The spec as JSON in a hidden element, so tests can compare exact specs across undo and
 * redo without reaching into the store.
 */
export function SpecProbe() {
  const spec = useStudio(selectSpec);
  return <output hidden data-testid="spec-probe" data-spec={JSON.stringify(spec)} />;
}
