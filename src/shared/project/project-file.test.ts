import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { makeProject } from './make-project';
import { PROJECT_VERSION } from './migrate';
import {
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

  it('keep a project without a dataset or runs', () => {
    const project = makeProject({
      data: { config: makeProject().data.config, dataset: null },
      runs: { points: [], previousPoints: [], report: null, lastEpoch: null, progress: null },
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

  it('refuse settings the Train panel would refuse, with its explanation', () => {
    expect(() => readProjectFile(withField(['settings', 'batchSize'], 0))).toThrow(
      'settings.batchSize: Batch size must be a whole number from 1 to 4096',
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
      'project files are at most 32 MB',
    );
    expect(() => checkProjectFileSize(MAX_PROJECT_FILE_BYTES)).not.toThrow();
  });
});
