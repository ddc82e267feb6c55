import { ContinueToggle } from './ContinueToggle';
import { Curves } from './Curves';
import { EngineNotice } from './EngineNotice';
import { LiveLearningRate } from './LiveLearningRate';
import { NetworkBlocker } from './NetworkBlocker';
import { RunControls } from './RunControls';
import { RunProgress } from './RunProgress';
import { RunReportView } from './RunReportView';
import { SettingsForm } from './SettingsForm';

/** Hyperparameters, run controls, live progress and curves, and the final result. */
export function TrainPanel() {
  return (
    <section className="panel train-panel">
      <div className="train-side">
        <h2>Train</h2>
        <SettingsForm />
        <EngineNotice />
        <ContinueToggle />
        <RunControls />
        <NetworkBlocker />
        <RunProgress />
        <LiveLearningRate />
        <RunReportView />
      </div>
      <Curves />
    </section>
  );
}
