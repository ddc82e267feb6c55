import { presenterAction } from './presenter-actions';

/** The header's way into presenter mode. */
export function PresenterButton() {
  return (
    <button
      type="button"
      className="presenter-button"
      data-testid="presenter-button"
      aria-keyshortcuts="F"
      title="Presenter mode (F)"
      onClick={() => presenterAction.run()}
    >
      Present
    </button>
  );
}
