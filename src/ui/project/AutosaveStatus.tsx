import type { StudioState } from '../store/studio-store';
import { useStudio } from '../store/studio-store';

const selectAutosavedAt = (s: StudioState) => s.autosavedAt;

/** When the project was last saved in this browser. */
export function AutosaveStatus() {
  const at = useStudio(selectAutosavedAt);
  if (at === null) return null;
  const time = new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return (
    <span className="autosave-status" data-testid="autosave-status" data-saved-at={at}>
      Autosaved in this browser at {time}; it comes back when you return.
    </span>
  );
}
