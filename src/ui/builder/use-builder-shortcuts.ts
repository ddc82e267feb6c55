import { useEffect } from 'react';
import { useStudio } from '../store/studio-store';
import { BUILDER_ACTIONS } from './builder-actions';
import { chordOf, isTextEntry } from './keys';

/**
 * Runs builder actions from their key chords while the Build panel is open. Text fields keep
 * their own undo and clipboard, and Ctrl+C with text selected copies the text.
 */
export function useBuilderShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTextEntry(event.target)) return;
      const chord = chordOf(event);
      const action = BUILDER_ACTIONS.find((a) => a.keys.includes(chord));
      if (!action) return;
      if (action.id === 'copy' && window.getSelection()?.isCollapsed === false) return;
      event.preventDefault();
      if (action.enabled(useStudio.getState())) action.run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
