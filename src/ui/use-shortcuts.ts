import { useEffect } from 'react';
import type { Action } from './actions';
import { useStudio } from './store/studio-store';

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName))
  );
}

/** Runs an action when its shortcut key is pressed outside a text field. */
export function useShortcuts(actions: readonly Action[]): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const action = actions.find((a) => a.shortcut === event.key.toLowerCase());
      if (action?.enabled(useStudio.getState())) {
        event.preventDefault();
        action.run();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions]);
}
