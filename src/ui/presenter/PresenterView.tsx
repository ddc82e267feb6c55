import { useEffect } from 'react';
import { Filmstrip } from '../insights/Filmstrip';
import { Playground } from '../playground/Playground';
import { selectDataset } from '../store/selectors';
import { useStudio } from '../store/studio-store';
import { Curves } from '../train/Curves';
import { RunControls } from '../train/RunControls';
import { RunProgress } from '../train/RunProgress';
import { leavePresenterAction } from './presenter-actions';

/** Leaving full screen by the browser's own means (Esc, F11) leaves presenter mode too. */
function useLeaveWithFullscreen(): void {
  useEffect(() => {
    let wasFullscreen = document.fullscreenElement !== null;
    const onChange = () => {
      if (document.fullscreenElement) wasFullscreen = true;
      else if (wasFullscreen) leavePresenterAction.run();
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
}

const NO_CLASSES: string[] = [];

/** The projector layout: large type, the live curves, run controls, the playground and the filmstrip. */
export function PresenterView() {
  useLeaveWithFullscreen();
  const classNames = useStudio(selectDataset)?.summary.classNames ?? NO_CLASSES;
  return (
    <div className="presenter" data-testid="presenter" role="region" aria-label="Presenter mode">
      <header className="presenter-header">
        <h1>Layerwise</h1>
        <RunControls />
        <RunProgress />
        <button
          type="button"
          className="presenter-exit"
          data-testid="presenter-exit"
          aria-keyshortcuts="Escape"
          onClick={() => leavePresenterAction.run()}
        >
          Exit (Esc)
        </button>
      </header>
      <div className="presenter-body">
        <Curves />
        <section className="presenter-playground" aria-label="Playground">
          <h2>Try it</h2>
          <Playground />
        </section>
        <section
          className="presenter-filmstrip"
          aria-label="Where the network looks, epoch by epoch"
        >
          <h2>Where it looks, epoch by epoch</h2>
          <Filmstrip opacity={0.55} classNames={classNames} />
        </section>
      </div>
    </div>
  );
}
