import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkerEvent } from '../shared/protocol';
import { NO_AUGMENTATION } from '../shared/augmentation';
import { DEFAULT_DATA_CONFIG } from '../shared/dataset';
import { Engine } from './engine';

type Of<T extends WorkerEvent['type']> = Extract<WorkerEvent, { type: T }>;

/** An engine on the cpu backend with the colour shapes loaded, and everything it said. */
async function engineWithShapes(count = 300) {
  const events: WorkerEvent[] = [];
  const engine = new Engine((event) => events.push(event));
  await engine.handle({ type: 'loadDataset', source: { kind: 'shapes', count, seed: 1 } });
  const last = <T extends WorkerEvent['type']>(type: T) =>
    events.filter((e): e is Of<T> => e.type === type).at(-1);
  return { engine, events, last };
}

describe('Engine data commands', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('loads colour shapes and reports their summary and the end of the load', async () => {
    const { last } = await engineWithShapes();
    const summary = last('dataset')?.summary;
    expect(summary?.inputShape).toEqual([32, 32, 3]);
    expect(summary?.classNames).toHaveLength(6);
    expect(summary?.classCounts.reduce((a, b) => a + b, 0)).toBe(300);
    expect(summary?.storage).toBe('device');
    expect(last('loadEnd')).toMatchObject({ outcome: 'loaded' });
  });

  it('re-splits, renames and removes classes, each followed by a fresh summary', async () => {
    const { engine, last } = await engineWithShapes();
    const config = { ...DEFAULT_DATA_CONFIG, validation: 0.2, test: 0.2 };
    await engine.handle({ type: 'configureData', config });
    expect(last('dataset')?.summary.splits.validation.total).toBe(60);
    await engine.handle({ type: 'editClasses', edit: { op: 'rename', index: 0, name: 'round' } });
    expect(last('dataset')?.summary.classNames[0]).toBe('round');
    await engine.handle({ type: 'editClasses', edit: { op: 'remove', index: 5 } });
    expect(last('dataset')?.summary.classNames).toHaveLength(5);
    expect(last('dataset')?.summary.classCounts.reduce((a, b) => a + b, 0)).toBe(250);
  });

  it('explains a bad edit and keeps the data as it was', async () => {
    const { engine, events, last } = await engineWithShapes();
    const before = last('dataset');
    await engine.handle({ type: 'editClasses', edit: { op: 'rename', index: 9, name: 'x' } });
    expect(events.at(-1)).toMatchObject({ type: 'error', where: 'dataset' });
    expect(last('dataset')).toBe(before);
  });

  it('keeps the loaded dataset when a load fails', async () => {
    const { engine, last } = await engineWithShapes();
    const notAZip = new Blob(['hello']);
    await engine.handle({
      type: 'loadDataset',
      source: {
        kind: 'files',
        files: [{ path: 'broken.zip', file: notAZip }],
        image: { size: null, channels: null, aspect: 'crop' },
      },
    });
    expect(last('loadEnd')).toMatchObject({ outcome: 'failed' });
    expect(last('loadEnd')?.message).toMatch(/still loaded/);
    expect(last('dataset')?.summary.name).toBe('Colour shapes');
  });

  it('answers sample-grid pages and augmentation previews without a model', async () => {
    const { engine, last } = await engineWithShapes();
    await engine.handle({
      type: 'dataRequest',
      request: { kind: 'examples', requestId: 1, classIndex: 2, offset: 0, count: 10 },
    });
    const page = last('dataResult')?.result;
    expect(page?.kind === 'examples' && page.labels).toEqual(new Array(10).fill(2));
    expect(page?.kind === 'examples' && page.total).toBe(50);
    await engine.handle({
      type: 'dataRequest',
      request: {
        kind: 'augmentPreview',
        requestId: 2,
        augmentation: { ...NO_AUGMENTATION, rotation: 90 },
        count: 4,
        seed: 3,
      },
    });
    const preview = last('dataResult')?.result;
    if (preview?.kind !== 'augmentPreview') throw new Error('no preview');
    expect(preview.original).toHaveLength(4 * 32 * 32 * 3);
    expect(preview.augmented).not.toEqual(preview.original);
  });

  it('loads files sent ahead in parts together with the load', async () => {
    const { engine, last } = await engineWithShapes();
    const image = { size: null, channels: null, aspect: 'crop' } as const;
    await engine.handle({ type: 'stageFiles', files: [{ path: 'a.txt', file: new Blob(['a']) }] });
    await engine.handle({ type: 'stageFiles', files: [{ path: 'b.txt', file: new Blob(['b']) }] });
    await engine.handle({ type: 'loadDataset', source: { kind: 'files', files: [], image } });
    // Neither is usable; the point is that both staged files reached the load.
    expect(last('loadEnd')?.skipped?.map((item) => item.path)).toEqual(['a.txt', 'b.txt']);
    await engine.handle({ type: 'stageFiles', files: [{ path: 'c.txt', file: new Blob(['c']) }] });
    await engine.handle({ type: 'cancelLoad' });
    expect(last('loadEnd')).toMatchObject({ outcome: 'cancelled' });
  });

  it('adds webcam captures to a class it was asked to add', async () => {
    const events: WorkerEvent[] = [];
    const engine = new Engine((event) => events.push(event));
    await engine.handle({ type: 'loadDataset', source: { kind: 'webcam', size: 8 } });
    await engine.handle({ type: 'editClasses', edit: { op: 'add', name: 'hand' } });
    await engine.handle({
      type: 'addExamples',
      classIndex: 0,
      pixels: new Uint8Array(3 * 8 * 8 * 3),
      count: 3,
    });
    const summary = events.filter((e): e is Of<'dataset'> => e.type === 'dataset').at(-1)?.summary;
    expect(summary?.classNames).toEqual(['hand']);
    expect(summary?.classCounts).toEqual([3]);
  });

  it('exports the dataset for a project file, and loads it back as the same data', async () => {
    const { engine, last } = await engineWithShapes(120);
    await engine.handle({ type: 'exportDataset', requestId: 4 });
    const exported = last('datasetExported');
    expect(exported?.requestId).toBe(4);
    const before = last('dataset')!.summary;

    const other = await engineWithShapes(60);
    await other.engine.handle({
      type: 'loadDataset',
      source: {
        kind: 'project',
        name: 'Saved shapes',
        classNames: before.classNames,
        aspect: 'crop',
        bytes: exported!.bytes,
      },
    });
    const after = other.last('dataset')!.summary;
    expect(after).toMatchObject({ name: 'Saved shapes', source: 'project', aspect: 'crop' });
    expect(after.classCounts).toEqual(before.classCounts);
    expect(after.fingerprint).toBe(before.fingerprint);
  });

  it('says why the dataset cannot be exported when there is none', async () => {
    const events: WorkerEvent[] = [];
    const engine = new Engine((event) => events.push(event));
    await engine.handle({ type: 'exportDataset', requestId: 5 });
    expect(events.at(-1)).toMatchObject({ type: 'datasetExportError', requestId: 5 });
  });
});
