import { useCallback, useMemo, useState } from 'react';
import {
  selectBackend,
  selectDataset,
  selectLastEpoch,
  selectReport,
  selectRunState,
} from '../store/selectors';
import { useStudio } from '../store/studio-store';
import { EvaluationSection } from './EvaluationSection';
import { FeatureMapsSection } from './FeatureMapsSection';
import { startFilmstripRecorder } from './filmstrip-recorder';
import { PinnedImages } from './PinnedImages';
import { SaliencySection } from './SaliencySection';
import { WeightsSection } from './WeightsSection';
import './insights.css';

// Started with the app rather than the panel: every epoch gets its frame, whatever tab is open.
startFilmstripRecorder();

/** Evaluation, feature maps, saliency and weights of the trained network, refreshed per epoch. */
export function InsightsPanel() {
  const lastEpoch = useStudio(selectLastEpoch);
  const report = useStudio(selectReport);
  const runState = useStudio(selectRunState);
  const dataset = useStudio(selectDataset);
  const backend = useStudio(selectBackend);
  const [clicks, setClicks] = useState(0);
  // A new token at each epoch end, run end, backend change (a lost GPU left: requests under way
  // were answered with the reason) and Refresh click makes every section ask again.
  const token = useMemo(() => ({ clicks }), [lastEpoch, report, backend, clicks]); // eslint-disable-line react-hooks/exhaustive-deps -- the token only marks that these changed
  const classNames = dataset?.summary.classNames ?? [];
  const epoch = lastEpoch?.epoch ?? 0;

  if (!lastEpoch && !report) {
    return (
      <section className="panel insights-panel" data-testid="insights-panel">
        <h2>Insights</h2>
        <p className="insights-empty" data-testid="insights-empty">
          {runState === 'idle'
            ? 'Train the network to look inside it: the confusion matrix, feature maps, saliency and weights appear here after the first epoch.'
            : 'Training… the first insights appear when the first epoch ends.'}
        </p>
      </section>
    );
  }

  return (
    <section className="panel insights-panel" data-testid="insights-panel" data-epoch={epoch}>
      <div className="insights-header">
        <h2>Insights</h2>
        <span className="hint">
          {lastEpoch
            ? `after epoch ${lastEpoch.epoch}`
            : report?.imported
              ? 'of the imported model'
              : 'run ended before the first epoch'}
        </span>
        <button
          type="button"
          onClick={() => setClicks((n) => n + 1)}
          data-testid="insights-refresh"
        >
          Refresh
        </button>
      </div>
      <PinnedImages />
      <Sections token={token} epoch={epoch} classNames={classNames} />
    </section>
  );
}

/**
 * The sections, mounted with the panel's first insights. Those below the evaluation watch
 * whether they are on screen only once it shows: until then they sit higher up than they will,
 * and would ask for what no one sees.
 */
function Sections(props: { token: unknown; epoch: number; classNames: string[] }) {
  const { token, epoch, classNames } = props;
  const [evaluationShown, setEvaluationShown] = useState(false);
  const showEvaluation = useCallback(() => setEvaluationShown(true), []);
  return (
    <>
      <EvaluationSection
        token={token}
        epoch={epoch}
        classNames={classNames}
        onShown={showEvaluation}
      />
      <FeatureMapsSection token={token} epoch={epoch} watch={evaluationShown} />
      <SaliencySection
        token={token}
        epoch={epoch}
        classNames={classNames}
        watch={evaluationShown}
      />
      <WeightsSection token={token} epoch={epoch} watch={evaluationShown} />
    </>
  );
}
