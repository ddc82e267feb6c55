import { describe, expect, it } from 'vitest';
import { starterNetwork } from '../../model/templates';
import { DEFAULT_SETTINGS } from '../../shared/train-settings';
import type { DatasetReference } from '../../shared/project/project';
import type { StopSnapshot } from './engine-stop';
import { canReload, cutRun, describeStop } from './engine-stop';

const sample: DatasetReference = {
  kind: 'sample',
  name: 'MNIST digits',
  classNames: ['0', '1'],
  inputShape: [28, 28, 1],
  source: { kind: 'sample', id: 'mnist' },
  classEdits: [],
};
const folder: DatasetReference = { ...sample, kind: 'files', name: 'pets', source: null };
const start = {
  id: 'run-1',
  spec: starterNetwork(),
  settings: DEFAULT_SETTINGS,
  dataset: { name: 'MNIST digits', fingerprint: 'f', classNames: ['0', '1'] },
  params: 10,
  startedAt: 0,
};
const training: StopSnapshot = {
  runState: 'training',
  progress: { epoch: 2, epochs: 3, batch: 4, batchesPerEpoch: 10, step: 14, examplesPerSec: 100 },
  lastEpoch: { epoch: 1, validation: { loss: 0.5, accuracy: 0.8 }, numTensors: 10 },
  runStart: start,
  hasModel: false,
  loading: false,
  dataset: sample,
  carriedFileKept: false,
};
const idle: StopSnapshot = { ...training, runState: 'idle', runStart: null, progress: null };

describe('cutRun', () => {
  it('is the run under way, cross-validated or not', () => {
    expect(cutRun(training)).toEqual({ start });
    const folds = { ...start, settings: { ...DEFAULT_SETTINGS, crossValidation: 3 } };
    expect(cutRun({ ...training, runStart: folds })).toEqual({ start: folds });
  });

  it('is none when nothing was training', () => {
    expect(cutRun(idle)).toBeNull();
  });
});

describe('canReload', () => {
  it('reloads what the studio can fetch or regenerate, and a kept project file', () => {
    expect(canReload(sample, false)).toBe(true);
    expect(canReload(folder, true)).toBe(false);
    expect(canReload({ ...folder, kind: 'project' }, false)).toBe(false);
    expect(canReload({ ...folder, kind: 'project' }, true)).toBe(true);
    expect(canReload(null, true)).toBe(false);
  });
});

describe('describeStop', () => {
  it('names the cut run, its checkpoint and the dataset that comes back', () => {
    const text = describeStop('it ran out of memory', training);
    expect(text).toContain('The training engine stopped (it ran out of memory).');
    expect(text).toContain('cut short in epoch 2 of 3: epoch 1 was the last to finish');
    expect(text).toContain('Restarting loads MNIST digits again.');
    expect(text).toContain('Requests under way (insights, exports) were cancelled.');
  });

  it('says when there is no checkpoint to go on from', () => {
    const text = describeStop('x', { ...training, lastEpoch: null });
    expect(text).toContain('no epoch had finished, so there is no checkpoint');
  });

  it('asks for a folder again, and names a lost model when nothing was training', () => {
    const text = describeStop('x', { ...idle, hasModel: true, dataset: folder, loading: true });
    expect(text).not.toContain('cut short');
    expect(text).toContain('The trained model it held is gone from memory');
    expect(text).toContain('The dataset that was loading did not finish.');
    expect(text).toContain('give the folder or files again');
  });
});
