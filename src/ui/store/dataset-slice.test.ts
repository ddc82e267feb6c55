import { beforeEach, describe, expect, it } from 'vitest';
import type { DatasetSummary } from '../../shared/dataset';
import { DEFAULT_DATA_CONFIG } from '../../shared/dataset';
import { starterNetwork } from '../../model/templates';
import { useStudio } from './studio-store';

const state = () => useStudio.getState();

function makeSummary(shape: [number, number, number], classes: number): DatasetSummary {
  const perClass = Array.from({ length: classes }, () => 10);
  const split = (n: number) => ({ total: n * classes, perClass: perClass.map(() => n) });
  return {
    name: 'test data',
    source: 'files',
    inputShape: shape,
    aspect: 'stretch',
    classNames: perClass.map((_, k) => `class ${k}`),
    classEdits: [],
    classCounts: perClass,
    splits: { train: split(8), validation: split(1), test: split(1) },
    config: DEFAULT_DATA_CONFIG,
    stats: { mean: [0], std: [1] },
    report: { loaded: 10 * classes, skipped: [], notes: [], fromCache: false },
    health: [],
    storage: 'device',
    fingerprint: `${shape.join('x')}:${classes}`,
  };
}

const preview = { pixels: new Uint8Array(0), labels: [] };

describe('the dataset slice', () => {
  beforeEach(() =>
    useStudio.setState({
      spec: starterNetwork(),
      specHistory: { past: [], future: [] },
      dataset: null,
      loading: null,
      loadOutcome: null,
      networkNotice: null,
    }),
  );

  it('fits the network to a dataset of another shape, as one undoable edit', () => {
    state().setDataset(makeSummary([32, 32, 3], 6), preview);
    expect(state().networkNotice).toBe('Adapted the network to 32×32×3 images and 6 classes.');
    expect(state().spec.nodes.find((n) => n.id === 'input')?.config).toMatchObject({
      shape: [32, 32, 3],
    });
    expect(state().specHistory.past).toHaveLength(1);
    state().undo();
    expect(state().spec).toEqual(starterNetwork());
  });

  it('leaves the network alone when a re-split keeps the shape', () => {
    state().setDataset(makeSummary([28, 28, 1], 10), preview);
    state().edit([{ type: 'updateConfig', id: 'output', config: { units: 7 } }]);
    state().setDataset(makeSummary([28, 28, 1], 10), preview);
    expect(state().networkNotice).toBeNull();
    expect(state().specHistory.past).toHaveLength(1);
  });

  it('keeps the old dataset and says why when a load fails', () => {
    state().setDataset(makeSummary([28, 28, 1], 10), preview);
    state().beginLoad();
    state().setLoadProgress({ stage: 'downloading', done: 5, total: null, unit: 'bytes' });
    expect(state().loading?.progress?.stage).toBe('downloading');
    const skipped = [{ path: 'broken.zip', reason: 'This is not a zip file.' }];
    state().endLoad('failed', 'Nothing could be loaded from broken.zip.', skipped);
    expect(state().loading).toBeNull();
    expect(state().loadOutcome).toEqual({
      outcome: 'failed',
      message: 'Nothing could be loaded from broken.zip.',
      skipped,
    });
    expect(state().dataset?.summary.name).toBe('test data');
    state().beginLoad();
    expect(state().loadOutcome).toBeNull();
  });
});
