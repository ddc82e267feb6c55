import type { StudioState } from '../store/studio-store';
import { useStudio } from '../store/studio-store';

const selectHasModel = (s: StudioState) => s.report !== null && s.report.outcome !== 'failed';
const selectContinue = (s: StudioState) => s.continueTraining;
const selectSetContinue = (s: StudioState) => s.setContinueTraining;

/**
 * Once a model exists (trained here or imported), the next run may start from its weights:
 * more epochs on a trained network, or fine-tuning an imported one.
 */
export function ContinueToggle() {
  const hasModel = useStudio(selectHasModel);
  const on = useStudio(selectContinue);
  const setOn = useStudio(selectSetContinue);
  if (!hasModel) return null;
  return (
    <label className="continue-toggle">
      <input
        type="checkbox"
        data-testid="continue-training"
        checked={on}
        onChange={(event) => setOn(event.target.checked)}
      />{' '}
      Continue from the current weights
    </label>
  );
}
