import { Playground } from './Playground';

/** The prediction playground as a panel of its own. */
export function PlaygroundPanel() {
  return (
    <section className="panel playground-panel" data-testid="playground-panel">
      <h2>Playground</h2>
      <p className="hint">
        Try the network on your own input, preprocessed exactly as its training images were.
      </p>
      <Playground />
    </section>
  );
}
