import { AugmentationControls } from '../data/AugmentationControls';
import { AugmentPreview } from '../data/AugmentPreview';
import { ClassTable } from '../data/ClassTable';
import { DatasetSummaryLine } from '../data/DatasetSummaryLine';
import { HealthCheck } from '../data/HealthCheck';
import { LoadReportView } from '../data/LoadReportView';
import { LoadStatus } from '../data/LoadStatus';
import { NetworkAdaptedNotice } from '../data/NetworkAdaptedNotice';
import { SampleGrid } from '../data/SampleGrid';
import { SourceBar } from '../data/SourceBar';
import { SplitControls } from '../data/SplitControls';
import { WebcamRecorder } from '../data/WebcamRecorder';
import { selectDataset } from '../store/selectors';
import { useStudio } from '../store/studio-store';
import { ExampleGrid } from './ExampleGrid';

/**
 * Where the data comes from and what it is: sources, the load in progress, then the loaded
 * dataset's report, classes, split, health, examples and the augmentation training will use.
 */
export function DataPanel() {
  const dataset = useStudio(selectDataset);
  return (
    <section className="panel data-panel">
      <h2>Data{dataset ? `: ${dataset.summary.name}` : ''}</h2>
      <SourceBar />
      <LoadStatus />
      <NetworkAdaptedNotice />
      {dataset ? <LoadedDataset {...dataset} /> : <p>Loading the MNIST digits…</p>}
    </section>
  );
}

type Loaded = NonNullable<ReturnType<typeof selectDataset>>;

function LoadedDataset({ summary, preview }: Loaded) {
  return (
    <div className="loaded-dataset">
      <DatasetSummaryLine summary={summary} />
      <LoadReportView report={summary.report} />
      {summary.source === 'webcam' && <WebcamRecorder summary={summary} />}
      <div className="data-columns">
        <ClassTable summary={summary} />
        <div>
          <SplitControls config={summary.config} />
          <HealthCheck issues={summary.health} classNames={summary.classNames} />
        </div>
      </div>
      {preview.labels.length > 0 && (
        <>
          <h3>A few training examples</h3>
          <ExampleGrid
            pixels={preview.pixels}
            shape={summary.inputShape}
            labels={preview.labels}
            classNames={summary.classNames}
          />
        </>
      )}
      <SampleGrid summary={summary} />
      <section className="augmentation" aria-label="Augmentation">
        <h3>Augmentation</h3>
        <AugmentationControls />
        <AugmentPreview summary={summary} />
      </section>
    </div>
  );
}
