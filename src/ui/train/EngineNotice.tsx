import { restartEngine, resumeInterrupted } from '../engine/restart';
import type { StudioState } from '../store/studio-store';
import { useStudio } from '../store/studio-store';

const selectEngine = (s: StudioState) => s.engine;
const selectRecovery = (s: StudioState) => s.recovery;
const selectSetRecovery = (s: StudioState) => s.setRecovery;
/** The epoch a cut run can go on from, once the engine is up and nothing else trains. */
const selectResumeEpoch = (s: StudioState) =>
  s.engine.kind === 'running' && s.runState === 'idle' ? (s.interrupted?.at?.epoch ?? null) : null;
const selectFileInterrupted = (s: StudioState) => s.fileInterrupted;

/**
 * The training engine's faults in the Train panel: a stopped worker (what was lost, and a
 * restart), what the restart brought back, and a cut run that can go on from its checkpoint.
 */
export function EngineNotice() {
  const engine = useStudio(selectEngine);
  const recovery = useStudio(selectRecovery);
  const setRecovery = useStudio(selectSetRecovery);
  const resumeEpoch = useStudio(selectResumeEpoch);
  const fileInterrupted = useStudio(selectFileInterrupted);
  if (engine.kind === 'stopped') {
    return (
      <div className="message error engine-notice" role="alert" data-testid="engine-stopped">
        <p>{engine.message}</p>
        <button data-testid="restart-engine" onClick={() => void restartEngine()}>
          Restart the engine
        </button>
      </div>
    );
  }
  if (engine.kind === 'restarting') {
    return (
      <p className="message engine-notice" aria-live="polite" data-testid="engine-restarting">
        Restarting the engine and loading its dataset…
      </p>
    );
  }
  return (
    <>
      {recovery && (
        <div className="message engine-notice" aria-live="polite" data-testid="engine-recovery">
          <p>{recovery}</p>
          <button onClick={() => setRecovery(null)}>Dismiss</button>
        </div>
      )}
      {resumeEpoch !== null && (
        <div className="resume-offer">
          <button className="resume-run" data-testid="resume-run" onClick={resumeInterrupted}>
            Resume the run from epoch {resumeEpoch}
          </button>
          <button data-testid="leave-interrupted" onClick={fileInterrupted}>
            Leave it interrupted
          </button>
        </div>
      )}
    </>
  );
}
