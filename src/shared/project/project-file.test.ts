import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeDataset, encodeDataset } from '../../data/sample-format';
import type { ClassEdit } from '../dataset';
import { makeProject } from './make-project';
import { PROJECT_VERSION } from './migrate';
import { EMPTY_RUN_HISTORY } from './project';
import {
  DATASET_ENTRY,
  MAX_PROJECT_FILE_BYTES,
  MODEL_ENTRY,
  PROJECT_ENTRY,
  checkProjectFileSize,
  readProjectFile,
  writeProjectFile,
} from './project-file';

const zipOf = (json: string) => zipSync({ [PROJECT_ENTRY]: strToU8(json) });
const withField = (path: string[], value: unknown) => {
  const project = JSON.parse(JSON.stringify(makeProject())) as Record<string, unknown>;
  let target = project;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[path.at(-1)!] = value;
  return zipOf(JSON.stringify(project));
};

describe('project files', () => {
  it('open exactly as they were saved', () => {
    const project = makeProject();
    expect(readProjectFile(writeProjectFile(project)).project).toEqual(project);
  });

  it('carry the trained model when there is one, and none when there is not', () => {
    const project = makeProject();
    const model = {
      modelJson: { format: 'layers-model', weightsManifest: [] },
      weights: new Uint8Array([1, 2, 3, 250]).buffer,
    };
    const opened = readProjectFile(writeProjectFile(project, model));
    expect(opened.project).toEqual(project);
    expect(opened.model?.modelJson).toEqual(model.modelJson);
    expect([...new Uint8Array(opened.model!.weights)]).toEqual([1, 2, 3, 250]);
    expect(readProjectFile(writeProjectFile(project)).model).toBeNull();
  });

  it('refuses half a model as a damaged file', () => {
    const bytes = zipSync({
      [PROJECT_ENTRY]: strToU8(JSON.stringify(makeProject())),
      [MODEL_ENTRY]: strToU8('{}'),
    });
    expect(() => readProjectFile(bytes)).toThrow(
      'This project file is damaged: it has model/model.json without model/weights.bin.',
    );
  });

  it('read a format-2 project saved before cross-validation existed as one with it off', () => {
    const raw = JSON.parse(JSON.stringify(makeProject())) as { settings: Record<string, unknown> };
    delete raw.settings.crossValidation;
    const { project } = readProjectFile(zipOf(JSON.stringify(raw)));
    expect(project.settings.crossValidation).toBeNull();
  });

  it('keep a run filed as interrupted, without test scores', () => {
    const base = makeProject();
    const [run] = base.runs.history;
    const interrupted = {
      ...run!,
      test: undefined,
      outcome: 'interrupted' as const,
      message: 'Interrupted at epoch 2 of 3, and not resumed.',
    };
    delete interrupted.test;
    const project = makeProject({ runs: { ...base.runs, history: [interrupted] } });
    expect(readProjectFile(writeProjectFile(project)).project).toEqual(project);
  });

  it('keep the class edits made to the dataset since it was loaded, in order', () => {
    const base = makeProject();
    const classEdits: ClassEdit[] = [
      { op: 'rename', index: 3, name: 'five points' },
      { op: 'merge', indices: [0, 1], name: 'round or square' },
      { op: 'remove', index: 1 },
      { op: 'add', name: 'hexagon' },
    ];
    const dataset = { ...base.data.dataset!, classEdits };
    const project = makeProject({ data: { ...base.data, dataset } });
    expect(readProjectFile(writeProjectFile(project)).project).toEqual(project);
  });

  it('refuse a class edit that is not one the Data panel makes', () => {
    const edit = (value: unknown) => withField(['data', 'dataset', 'classEdits'], [value]);
    expect(() => readProjectFile(edit({ op: 'split', index: 0 }))).toThrow(
      'data.dataset.classEdits[0].op',
    );
    expect(() => readProjectFile(edit({ op: 'rename', index: -1, name: 'a' }))).toThrow(
      'data.dataset.classEdits[0].index',
    );
    expect(() => readProjectFile(edit({ op: 'merge', indices: [2], name: 'a' }))).toThrow(
      'data.dataset.classEdits[0].indices',
    );
  });

  it('keep a project without a dataset or runs', () => {
    const project = makeProject({
      data: { config: makeProject().data.config, dataset: null },
      runs: EMPTY_RUN_HISTORY,
    });
    expect(readProjectFile(writeProjectFile(project)).project).toEqual(project);
  });

  it('refuse a file that is not a zip', () => {
    expect(() => readProjectFile(strToU8('{"format":"layerwise-project"}'))).toThrow(
      'it is not a zip archive',
    );
  });

  it('refuse a damaged zip', () => {
    const bytes = writeProjectFile(makeProject());
    expect(() => readProjectFile(bytes.slice(0, bytes.length / 2))).toThrow(
      'This project file is damaged',
    );
  });

  it('refuse a zip without project.json', () => {
    expect(() => readProjectFile(zipSync({ 'model.json': strToU8('{}') }))).toThrow(
      'This zip has no project.json',
    );
  });

  it('refuse project.json that is not JSON', () => {
    expect(() => readProjectFile(zipOf('{"format": "layerwise-project",'))).toThrow(
      'project.json is not valid JSON',
    );
  });

  it('refuse JSON that is not a project', () => {
    expect(() => readProjectFile(zipOf('{"nodes": []}'))).toThrow('no Layerwise format tag');
  });

  it('name the field that breaks the schema', () => {
    expect(() =>
      readProjectFile(withField(['spec', 'nodes', '1', 'config', 'filters'], 'eight')),
    ).toThrow('spec.nodes[1].config.filters: Invalid input: expected number, received string');
    expect(() => readProjectFile(withField(['spec', 'nodes', '0', 'kind'], 'lstm'))).toThrow(
      'spec.nodes[0].kind',
    );
  });

  it('keep markup in strings as the text it is, and name each field whose value is of the wrong kind or too long', () => {
    const markup = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const opened = readProjectFile(withField(['name'], markup)).project;
    expect(opened.name).toBe(markup);
    expect(() => readProjectFile(withField(['settings', 'optimizer'], markup))).toThrow(
      'settings.optimizer: Invalid option',
    );
    expect(() => readProjectFile(withField(['spec', 'nodes', '1', 'name'], 42))).toThrow(
      'spec.nodes[1].name: Invalid input: expected string, received number',
    );
    expect(() => readProjectFile(withField(['name'], markup.repeat(3)))).toThrow('name: Too big');
  });

  it('refuse settings the Train panel would refuse, with its explanation', () => {
    expect(() => readProjectFile(withField(['settings', 'batchSize'], 0))).toThrow(
      'settings.batchSize: Batch size must be a whole number from 1 to 4096',
    );
    expect(() => readProjectFile(withField(['settings', 'learningRate'], 0))).toThrow(
      'settings.learningRate: Learning rate must be above 0: at 0 no weight ever changes',
    );
    expect(() => readProjectFile(withField(['settings', 'epochs'], 0))).toThrow(
      'settings.epochs: Epochs must be at least 1',
    );
  });

  it('refuse a data config the Data panel would refuse', () => {
    expect(() => readProjectFile(withField(['data', 'config', 'validation'], 0.9))).toThrow(
      'data.config: Validation must be from 0 to 50 %',
    );
  });

  it('refuse a file from a newer studio, saying which formats this one reads', () => {
    expect(() => readProjectFile(withField(['version'], PROJECT_VERSION + 1))).toThrow(
      `made by a newer Layerwise (format ${PROJECT_VERSION + 1}); this studio reads up to format ${PROJECT_VERSION}`,
    );
  });

  it('refuse a file above the size cap before reading it', () => {
    expect(() => checkProjectFileSize(MAX_PROJECT_FILE_BYTES + 1)).toThrow(
      'project files are at most 512 MB',
    );
    expect(() => checkProjectFileSize(MAX_PROJECT_FILE_BYTES)).not.toThrow();
  });
});

/** The colour shapes of makeProject(): `count` 32×32×3 images of its 4 classes. */
function makeDataset(count = 6): Uint8Array {
  return encodeDataset({
    rows: 32,
    cols: 32,
    channels: 3,
    classes: 4,
    labels: Uint8Array.from({ length: count }, (_, i) => i % 4),
    pixels: Uint8Array.from({ length: count * 32 * 32 * 3 }, (_, i) => (i * 31) % 256),
  });
}

/** A file of makeProject() with `dataset` as its dataset entry, written as it is. */
function withDataset(dataset: Uint8Array, options: { level?: 0 } = {}): Uint8Array {
  return zipSync({
    [PROJECT_ENTRY]: strToU8(JSON.stringify(makeProject())),
    [DATASET_ENTRY]: [dataset, options],
  });
}

describe('project files that carry their dataset', () => {
  it('open with the same images and labels, next to the project and model', () => {
    const project = makeProject();
    const model = { modelJson: { format: 'layers-model' }, weights: new ArrayBuffer(8) };
    const dataset = makeDataset();
    const opened = readProjectFile(writeProjectFile(project, model, dataset));
    expect(opened.project).toEqual(project);
    expect(opened.model?.modelJson).toEqual(model.modelJson);
    expect(opened.dataset).toEqual(dataset);
    expect(decodeDataset(opened.dataset!).count).toBe(6);
  });

  it('list no class edits: the labels they carry already have them', () => {
    const base = makeProject();
    const classEdits: ClassEdit[] = [{ op: 'rename', index: 0, name: 'disc' }];
    const dataset = { ...base.data.dataset!, classEdits };
    const project = makeProject({ data: { ...base.data, dataset } });
    const opened = readProjectFile(writeProjectFile(project, null, makeDataset())).project;
    expect(opened.data.dataset?.classEdits).toEqual([]);
    expect(opened.data.dataset?.classNames).toEqual(base.data.dataset!.classNames);
  });

  it('have no dataset entry when saved without one', () => {
    const bytes = writeProjectFile(makeProject());
    expect(Object.keys(unzipSync(bytes))).toEqual([PROJECT_ENTRY]);
    expect(readProjectFile(bytes).dataset).toBeNull();
  });

  it('open a stored (unpacked) dataset entry as well as a deflated one', () => {
    expect(readProjectFile(withDataset(makeDataset(), { level: 0 })).dataset).toEqual(
      makeDataset(),
    );
  });

  it('refuse a truncated dataset entry, saying so', () => {
    const dataset = makeDataset();
    expect(() => readProjectFile(withDataset(dataset.subarray(0, dataset.length - 100)))).toThrow(
      `This project's dataset (${DATASET_ENTRY}) is damaged: its header promises ${dataset.length} bytes, but the file holds ${dataset.length - 100}`,
    );
    expect(() => readProjectFile(withDataset(dataset.subarray(0, 10)))).toThrow(
      `This project's dataset (${DATASET_ENTRY}) is damaged: truncated`,
    );
    expect(() => readProjectFile(withDataset(strToU8('not a dataset at all')))).toThrow(
      'is damaged: not a Layerwise sample file',
    );
  });

  it('refuse an entry whose header asks for more than a project may carry, before unpacking it', () => {
    const huge = makeDataset(0);
    new DataView(huge.buffer).setUint32(8, 400_000, true);
    expect(() => readProjectFile(withDataset(huge))).toThrow(
      "This project's dataset would unpack to 1172.3 MB, more than the 1024 MB a project may carry.",
    );
  });

  it('refuse a damaged label, and a dataset that is not the one project.json names', () => {
    const badLabel = makeDataset();
    badLabel[16 + 2] = 7;
    expect(() => readProjectFile(withDataset(badLabel))).toThrow(
      'is damaged: corrupt: label 7 of example 2 is not below 4',
    );
    const gray = encodeDataset({
      rows: 32,
      cols: 32,
      channels: 1,
      classes: 4,
      labels: Uint8Array.of(0),
      pixels: new Uint8Array(32 * 32),
    });
    expect(() => readProjectFile(withDataset(gray))).toThrow(
      'its images are 32×32×1, but project.json says 32×32×3',
    );
    expect(() => writeProjectFile(makeProject(), null, gray)).toThrow('32×32×1');
    const noReference = makeProject({ data: { ...makeProject().data, dataset: null } });
    expect(() => writeProjectFile(noReference, null, makeDataset())).toThrow(
      'project.json does not say which dataset it is',
    );
  });

  it('refuse an entry whose zip directory gives another size than its header', () => {
    const bytes = withDataset(makeDataset(), { level: 0 });
    // Rewrite the directory's unpacked size (offset 24 of the entry's central record).
    const view = new DataView(bytes.buffer);
    const name = strToU8(DATASET_ENTRY);
    for (let at = bytes.length - 22; at > 0; at--) {
      if (view.getUint32(at, true) !== 0x02014b50) continue;
      const nameLength = view.getUint16(at + 28, true);
      const found = bytes.subarray(at + 46, at + 46 + nameLength);
      if (found.every((byte, i) => byte === name[i]) && nameLength === name.length) {
        view.setUint32(at + 24, 10 * 1024 * 1024, true);
      }
    }
    expect(() => readProjectFile(bytes)).toThrow(
      `its header promises ${makeDataset().length} bytes, but the file holds ${10 * 1024 * 1024}`,
    );
  });
});
