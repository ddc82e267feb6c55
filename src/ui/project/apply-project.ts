import { starterNetwork } from '../../model/templates';
import { DEFAULT_DATA_CONFIG } from '../../shared/dataset';
import { PROJECT_VERSION } from '../../shared/project/migrate';
import type { DatasetReference, Project } from '../../shared/project/project';
import { EMPTY_RUN_HISTORY, PROJECT_FORMAT } from '../../shared/project/project';
import { ProjectError } from '../../shared/project/project-error';
import { DEFAULT_SETTINGS } from '../../shared/train-settings';
import { send } from '../engine-client';
import type { StudioState } from '../store/studio-store';
import { useStudio } from '../store/studio-store';
import { metricsBuffer } from '../train/metrics-buffer';
import { datasetReference } from './current-project';
import { UNTITLED } from './project-slice';

const isSettled = (s: StudioState) =>
  s.loading === null && (s.dataset !== null || s.datasetError !== null || s.loadOutcome !== null);

/** Resolves once no dataset load is under way and a dataset (or why there is none) is known. */
export function datasetSettled(): Promise<void> {
  if (isSettled(useStudio.getState())) return Promise.resolve();
  return new Promise((resolve) => {
    const unsubscribe = useStudio.subscribe((s) => {
      if (!isSettled(s)) return;
      unsubscribe();
      resolve();
    });
  });
}

/** True when the project's dataset can be loaded again and is not the one loaded now. */
function needsReload(wanted: DatasetReference | null, s: StudioState): boolean {
  if (!wanted?.source) return false;
  const summary = s.dataset?.summary;
  const loaded = summary ? datasetReference(summary, s.loadedSource).source : null;
  return JSON.stringify(loaded) !== JSON.stringify(wanted.source);
}

/** What the user must do for a dataset the project cannot load by itself, or null. */
export function datasetNote(dataset: DatasetReference | null): string | null {
  if (!dataset || dataset.source) return null;
  const what = `${dataset.name} (${dataset.classNames.length} classes, ${dataset.inputShape.join('×')})`;
  if (dataset.kind === 'project') {
    return `It was built for the images a project file carried, ${what}, which are not kept here: open that file again.`;
  }
  return dataset.kind === 'webcam'
    ? `It was trained on webcam captures, ${what}, which are not saved: capture them again in the Data tab.`
    : `It was built for your own images, ${what}, which are not saved: load them again in the Data tab.`;
}

/** Gives the worker the dataset a project file carried, moving its bytes rather than copying. */
export function sendCarriedDataset(wanted: DatasetReference, bytes: Uint8Array): void {
  // Only a buffer the bytes fill alone can move: a view's would take its neighbours along.
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  const buffer = (whole ? bytes : bytes.slice()).buffer as ArrayBuffer;
  const { name, classNames, aspect = 'stretch' } = wanted;
  const source = { kind: 'project', name, classNames, aspect, bytes: buffer } as const;
  send({ type: 'loadDataset', source }, [buffer]);
}

/**
 * Puts a project on screen: network (one undo step, or a fresh history), settings, run history,
 * then its dataset — the one its file carried (`options.dataset`, checked by readProjectFile),
 * or loaded again when it can be — and its split. Waits for the dataset the studio is loading
 * first, so that load does not refit the project's network to other data.
 */
export async function applyProject(
  project: Project,
  options: { undoable: boolean; dataset?: Uint8Array | null },
): Promise<void> {
  if (useStudio.getState().runState !== 'idle') {
    throw new ProjectError('Stop the training run before opening another project.');
  }
  if (useStudio.getState().engine.kind !== 'running') {
    throw new ProjectError(
      'Restart the training engine (in the Train panel) before opening a project.',
    );
  }
  await datasetSettled();
  // The model on the worker belongs to the project on screen until now.
  send({ type: 'forgetModel' });
  const s = useStudio.getState();
  s.replaceSpec(project.spec, { undoable: options.undoable });
  s.dismissNetworkNotice();
  s.updateSettings(project.settings);
  s.projectOpened(project.name);
  metricsBuffer.replace(project.runs.points, project.runs.previousPoints);
  s.restoreRun(project.runs);
  s.setRuns(project.runs.history);
  const wanted = project.data.dataset;
  if (wanted && options.dataset) {
    sendCarriedDataset(wanted, options.dataset);
    await datasetSettled();
  } else if (wanted?.source && needsReload(wanted, s)) {
    send({ type: 'loadDataset', source: wanted.source });
    await datasetSettled();
  }
  const config = useStudio.getState().dataset?.summary.config;
  if (config && JSON.stringify(config) !== JSON.stringify(project.data.config)) {
    send({ type: 'configureData', config: project.data.config });
  }
}

/** The project a first visit starts with: the starter network on the MNIST digits. */
export function starterProject(): Project {
  return {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    name: UNTITLED,
    spec: starterNetwork(),
    settings: DEFAULT_SETTINGS,
    data: {
      config: DEFAULT_DATA_CONFIG,
      dataset: {
        kind: 'sample',
        name: 'MNIST digits',
        classNames: [],
        inputShape: [28, 28, 1],
        source: { kind: 'sample', id: 'mnist' },
      },
    },
    runs: EMPTY_RUN_HISTORY,
  };
}
