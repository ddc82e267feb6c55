import { starterNetwork } from '../../model/templates';
import { classEditsLeft } from '../../data/class-edits';
import type { ClassEdit } from '../../shared/dataset';
import { DEFAULT_DATA_CONFIG } from '../../shared/dataset';
import { PROJECT_VERSION } from '../../shared/project/migrate';
import type { DatasetReference, Project, ReloadableSource } from '../../shared/project/project';
import { EMPTY_RUN_HISTORY, PROJECT_FORMAT } from '../../shared/project/project';
import { ProjectError } from '../../shared/project/project-error';
import { DEFAULT_SETTINGS } from '../../shared/train-settings';
import { send } from '../engine-client';
import type { StudioState } from '../store/studio-store';
import { useStudio } from '../store/studio-store';
import { metricsBuffer } from '../train/metrics-buffer';
import { datasetReference } from './current-project';
import { UNTITLED } from './project-slice';
import type { ReportedDataset } from './replay-class-edits';
import { nextDataset, showEdited } from './replay-class-edits';

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

/** The dataset loaded now when it came from `source`, or null. */
function loadedFrom(source: ReloadableSource, s: StudioState): ReportedDataset | null {
  const loaded = s.dataset;
  if (!loaded) return null;
  const from = datasetReference(loaded.summary, s.loadedSource).source;
  return JSON.stringify(from) === JSON.stringify(source) ? loaded : null;
}

/**
 * Brings a project's reloadable dataset back as the project knew it: loaded again from its
 * source unless the one loaded now came from it and had no other class edits, then with the
 * project's class edits still missing made again before the page sees it. A load or an edit
 * that fails leaves the data as far as it got, with the reason in the Data tab.
 */
async function loadAsWanted(source: ReloadableSource, edits: readonly ClassEdit[]): Promise<void> {
  const loaded = loadedFrom(source, useStudio.getState());
  const left = loaded && classEditsLeft(loaded.summary.classEdits, edits);
  if (loaded && left) {
    if (left.length > 0) await showEdited(loaded, left).catch(() => undefined);
    return;
  }
  const reloaded = nextDataset();
  send({ type: 'loadDataset', source });
  const fresh = await reloaded.catch(() => null);
  if (fresh) await showEdited(fresh, edits).catch(() => undefined);
  await datasetSettled();
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
 * then its dataset — the one its file carried (`options.dataset`, checked by readProjectFile,
 * its class edits already in its labels), or loaded again when it can be, with its class
 * edits — and its split. Waits for the dataset the studio is loading
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
  } else if (wanted?.source) {
    await loadAsWanted(wanted.source, wanted.classEdits);
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
        classEdits: [],
      },
    },
    runs: EMPTY_RUN_HISTORY,
  };
}
