import { estimateTrainingMemory } from '../../model/analyse';
import { formatBytes, formatCount } from '../format';
import { effectiveBatchSize } from '../../shared/train-settings';
import { selectAnalysis, selectDatasetSummary, selectSettings } from '../store/selectors';
import { useStudio } from '../store/studio-store';

/** The network's totals: parameters, FLOPs per example, and training memory for the batch. */
export function BuildTotals() {
  const analysis = useStudio(selectAnalysis);
  const settings = useStudio(selectSettings);
  const trainCount = useStudio(selectDatasetSummary)?.splits.train.total;
  const { optimizer, momentum } = settings;
  // The batch a step really takes, as the memory refusal counts it.
  const batchSize = effectiveBatchSize(settings, trainCount ?? settings.batchSize);
  const memory =
    Number.isInteger(batchSize) && batchSize > 0
      ? estimateTrainingMemory(analysis, batchSize, optimizer, momentum)
      : undefined;
  return (
    <dl className="build-totals" data-testid="build-totals">
      <div>
        <dt>Parameters</dt>
        <dd data-testid="totals-params">{formatCount(analysis.totalParams)}</dd>
      </div>
      <div>
        <dt>FLOPs per example</dt>
        <dd data-testid="totals-flops">{formatCount(analysis.totalFlops)}</dd>
      </div>
      <div>
        <dt>Training memory (batch {Number.isFinite(batchSize) ? batchSize : '?'})</dt>
        <dd data-testid="totals-memory">
          {memory === undefined ? '—' : `≈ ${formatBytes(memory)}`}
        </dd>
      </div>
    </dl>
  );
}
