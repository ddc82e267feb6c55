import { beforeEach, describe, expect, it } from 'vitest';
import type { DatasetSource, DatasetSummary } from '../../shared/dataset';
import { DEFAULT_DATA_CONFIG, DEFAULT_IMAGE_OPTIONS } from '../../shared/dataset';
import { readProjectFile, writeProjectFile } from '../../shared/project/project-file';
import { useStudio } from '../store/studio-store';
import { metricsBuffer } from '../train/metrics-buffer';
import { currentProject, datasetReference } from './current-project';

function makeSummary(source: DatasetSummary['source'], name = 'data'): DatasetSummary {
  const split = { total: 1, perClass: [1] };
  return {
    name,
    source,
    inputShape: [32, 32, 3],
    aspect: 'crop',
    classNames: ['cat', 'dog'],
    classEdits: [],
    classCounts: [10, 10],
    splits: { train: split, validation: split, test: split },
    config: { ...DEFAULT_DATA_CONFIG, seed: 5 },
    stats: { mean: [0, 0, 0], std: [1, 1, 1] },
    report: { loaded: 20, skipped: [], notes: [], fromCache: false },
    health: [],
    storage: 'device',
    fingerprint: 'f',
  };
}

const shapes: DatasetSource = { kind: 'shapes', count: 500, seed: 3 };
const download: DatasetSource = {
  kind: 'url',
  name: 'CIFAR-10',
  urls: ['https://example.org/cifar.tar.gz'],
  image: DEFAULT_IMAGE_OPTIONS,
};

describe('the dataset reference', () => {
  it('knows how to load the sample, shapes and downloads again', () => {
    expect(datasetReference(makeSummary('sample'), null).source).toEqual({
      kind: 'sample',
      id: 'mnist',
    });
    expect(datasetReference(makeSummary('shapes'), shapes).source).toEqual(shapes);
    expect(datasetReference(makeSummary('url'), download).source).toEqual(download);
  });

  it('keeps only the name, classes and shape of images the user gave', () => {
    const files: DatasetSource = { kind: 'files', files: [], image: DEFAULT_IMAGE_OPTIONS };
    expect(datasetReference(makeSummary('files', 'pets'), files)).toEqual({
      kind: 'files',
      name: 'pets',
      classNames: ['cat', 'dog'],
      inputShape: [32, 32, 3],
      source: null,
      aspect: 'crop',
      classEdits: [],
    });
    expect(datasetReference(makeSummary('webcam'), { kind: 'webcam', size: 64 }).source).toBe(null);
  });

  it('keeps the class edits made since the load, to make them again after the next', () => {
    const edit = { op: 'rename', index: 1, name: 'dog' } as const;
    const summary = { ...makeSummary('shapes'), classEdits: [edit] };
    expect(datasetReference(summary, shapes).classEdits).toEqual([edit]);
  });

  it('does not pair a dataset with the source of another load', () => {
    expect(datasetReference(makeSummary('url'), shapes).source).toBeNull();
  });
});

describe('the project on screen', () => {
  beforeEach(() => {
    useStudio.setState({ dataset: null, loadedSource: null, requestedSource: null, report: null });
    metricsBuffer.replace([], []);
  });

  it('records the source of the load that succeeded', () => {
    const { beginLoad, endLoad, setDataset } = useStudio.getState();
    beginLoad(shapes);
    setDataset(makeSummary('shapes'), { pixels: new Uint8Array(0), labels: [] });
    endLoad('loaded', 'Loaded.');
    beginLoad(download);
    endLoad('failed', 'Offline.');
    const project = currentProject(useStudio.getState());
    expect(project.data.dataset?.source).toEqual(shapes);
    expect(project.data.config.seed).toBe(5);
  });

  it('is a valid project file, with its metric points', () => {
    metricsBuffer.replace(
      [{ series: 'train', step: 10, epoch: 1, loss: 0.5, accuracy: 0.8, learningRate: 0.002 }],
      [],
    );
    const project = currentProject(useStudio.getState());
    expect(readProjectFile(writeProjectFile(project)).project).toEqual(project);
    expect(project.runs.points).toHaveLength(1);
  });
});
