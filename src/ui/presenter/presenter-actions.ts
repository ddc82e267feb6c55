import type { Action } from '../actions';
import { useStudio } from '../store/studio-store';

/**
 * Enters or leaves presenter mode. Full screen is asked for when the browser offers it (it
 * needs the user's key press or click, which every caller is); without it the layout still
 * fills the window.
 */
export function setPresenterMode(on: boolean): void {
  useStudio.getState().setPresenter(on);
  if (on && document.fullscreenEnabled && !document.fullscreenElement)
    document.documentElement.requestFullscreen().catch(() => undefined);
  if (!on && document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
}

export const presenterAction: Action = {
  id: 'presenter',
  label: 'Presenter mode',
  shortcut: 'f',
  enabled: () => true,
  run: () => setPresenterMode(!useStudio.getState().presenter),
};

export const leavePresenterAction: Action = {
  id: 'leave-presenter',
  label: 'Leave presenter mode',
  shortcut: 'escape',
  enabled: (s) => s.presenter,
  run: () => setPresenterMode(false),
};

/** Actions about how the studio is shown, with their shortcuts. */
export const VIEW_ACTIONS: readonly Action[] = [presenterAction, leavePresenterAction];
