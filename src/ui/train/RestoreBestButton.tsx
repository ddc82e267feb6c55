import type { CheckpointInfo } from '../../shared/protocol';
import { useStudio } from '../store/studio-store';
import { describeCheckpoint, restoreBestCheckpoint } from './checkpoint-client';

/** Gives the model the run's best weights; the offer goes once they are back. */
async function restoreBest(): Promise<void> {
  const store = useStudio.getState();
  try {
    const restored = await restoreBestCheckpoint();
    // A failed try before this one is answered now.
    store.setTrainError(null);
    const { report } = useStudio.getState();
    if (report) {
      // The test scores belong to the weights the model now has.
      const test = restored?.test ?? report.test;
      store.setReport({ ...report, test, best: undefined, restoredEpoch: restored?.epoch });
    }
    if (restored) {
      store.showProjectNotice({
        tone: 'info',
        message: `Restored the weights of ${describeCheckpoint(restored)}: Insights, the Playground and Export use them.`,
      });
    }
  } catch (error) {
    store.setTrainError((error as Error).message);
  }
}

/** The run report's offer to go back to the best epoch, when the run ended on another. */
export function RestoreBestButton({ best }: { best: CheckpointInfo }) {
  return (
    <button type="button" data-testid="restore-best" onClick={() => void restoreBest()}>
      Restore the best epoch ({describeCheckpoint(best)})
    </button>
  );
}
