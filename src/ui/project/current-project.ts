import type { DatasetSource, DatasetSummary } from '../../shared/dataset';
import { DEFAULT_DATA_CONFIG } from '../../shared/dataset';
import { PROJECT_VERSION } from '../../shared/project/migrate';
import type { DatasetReference, Project, ReloadableSource } from '../../shared/project/project';
import { PROJECT_FORMAT } from '../../shared/project/project';
import type { InterruptedRun } from '../../shared/run-record';
import type { StudioState } from '../store/studio-store';
import { metricsBuffer } from '../train/metrics-buffer';

function reloadable(
  source: DatasetSource | null,
  summary: DatasetSummary,
): ReloadableSource | null {
  // The sample is loaded by the worker at start, without a request the page could record.
  if (summary.source === 'sample') return { kind: 'sample', id: 'mnist' };
  if (source?.kind !== summary.source) return null;
  return source.kind === 'shapes' || source.kind === 'url' ? source : null;
}

/** Which dataset is loaded, and how to load it again where that is possible. */
export function datasetReference(
  summary: DatasetSummary,
  source: DatasetSource | null,
): DatasetReference {
  return {
    kind: summary.source,
    name: summary.name,
    classNames: [...summary.classNames],
    inputShape: summary.inputShape,
    source: reloadable(source, summary),
    aspect: summary.aspect,
    classEdits: [...summary.classEdits],
  };
}

/** The run under way, or one cut short that can still go on, to resume after a reload. */
function interruptedRun(s: StudioState): InterruptedRun | undefined {
  if (s.runState !== 'idle' && s.runStart && s.runStart.settings.crossValidation === null) {
    return { start: s.runStart };
  }
  return s.interrupted?.run;
}

/** The project on screen, as a project file, the autosave and share links hold it. */
export function currentProject(s: StudioState): Project {
  const summary = s.dataset?.summary;
  return {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    name: s.projectName,
    spec: s.spec,
    settings: s.settings,
    data: {
      config: summary?.config ?? DEFAULT_DATA_CONFIG,
      dataset: summary ? datasetReference(summary, s.loadedSource) : null,
    },
    runs: {
      points: [...metricsBuffer.all()],
      previousPoints: [...metricsBuffer.previousRun()],
      report: s.report,
      lastEpoch: s.lastEpoch,
      progress: s.progress,
      history: s.runs,
      ...(interruptedRun(s) && { interrupted: interruptedRun(s) }),
    },
  };
}
