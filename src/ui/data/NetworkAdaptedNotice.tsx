import { selectCanUndo, selectNetworkNotice } from '../store/selectors';
import { useStudio } from '../store/studio-store';

/** Says how the network was fitted to the new dataset, with Undo while that is the last edit. */
export function NetworkAdaptedNotice() {
  const notice = useStudio(selectNetworkNotice);
  const canUndo = useStudio(selectCanUndo);
  if (!notice) return null;
  return (
    <p className="network-adapted" role="status" data-testid="network-adapted">
      {notice}{' '}
      {canUndo && (
        <button
          type="button"
          className="link-button"
          onClick={() => {
            useStudio.getState().undo();
            useStudio.getState().dismissNetworkNotice();
          }}
        >
          Undo
        </button>
      )}{' '}
      <button
        type="button"
        className="link-button"
        onClick={() => useStudio.getState().dismissNetworkNotice()}
      >
        Dismiss
      </button>
    </p>
  );
}
