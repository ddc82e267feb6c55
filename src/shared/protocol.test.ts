import { describe, expect, it } from 'vitest';
import type { Command, WorkerEvent } from './protocol';
import { ProtocolError, decodeCommand, decodeEvent, transferablesOf } from './protocol';
import { DEFAULT_SETTINGS } from './train-settings';

/** What structured cloning does to a message on its way across the worker boundary. */
const cross = <T>(message: T): unknown => structuredClone(message);

describe('worker protocol', () => {
  it('passes every command through a round trip unchanged', () => {
    const commands: Command[] = [
      { type: 'init', assetBase: 'http://localhost/', backend: 'webgl' },
      { type: 'loadDataset', source: { kind: 'sample', id: 'mnist' } },
      { type: 'train', spec: { nodes: [], edges: [] }, settings: DEFAULT_SETTINGS },
      {
        type: 'train',
        spec: { nodes: [], edges: [] },
        settings: { ...DEFAULT_SETTINGS, epochs: 3 },
        keepWeights: true,
        resume: {
          epoch: 1,
          steps: 20,
          validations: [{ loss: 0.4, accuracy: 0.9 }],
          after: 'pageClosed',
        },
      },
      { type: 'pause' },
      { type: 'resume' },
      { type: 'stop' },
      { type: 'setLearningRate', value: 0.01 },
      { type: 'restoreCheckpoint', requestId: 1, slot: 'latest', spec: { nodes: [], edges: [] } },
      { type: 'restoreCheckpoint', requestId: 2, slot: 'best' },
    ];
    for (const command of commands) expect(decodeCommand(cross(command))).toEqual(command);
  });

  it('rejects unknown or malformed commands with a readable error', () => {
    expect(() => decodeCommand({ type: 'explode' })).toThrow(ProtocolError);
    expect(() => decodeCommand(null)).toThrow(/Unknown command/);
    expect(() => decodeCommand({ type: 'init' })).toThrow(/assetBase/);
    expect(() => decodeCommand({ type: 'init', assetBase: '/', backend: 'wasm' })).toThrow(
      /backend/,
    );
    expect(() => decodeCommand({ type: 'train', spec: {}, settings: {} })).toThrow(
      /nodes and edges/,
    );
    expect(() => decodeCommand({ type: 'setLearningRate', value: '1' })).toThrow(/number/);
    expect(() => decodeCommand({ type: 'restoreCheckpoint', requestId: 1, slot: 'first' })).toThrow(
      /slot/,
    );
    expect(() =>
      decodeCommand({ type: 'restoreCheckpoint', requestId: 1, slot: 'latest' }),
    ).toThrow(/spec/);
  });

  it('refuses a resume outside the run or without the scores of the epochs done', () => {
    const train = (resume: unknown) => ({
      type: 'train',
      spec: { nodes: [], edges: [] },
      settings: { ...DEFAULT_SETTINGS, epochs: 3 },
      keepWeights: true,
      resume,
    });
    const scores = (n: number) => Array.from({ length: n }, () => ({ loss: 1, accuracy: 0.5 }));
    expect(() => decodeCommand(train(2))).toThrow(/resume must be an object/);
    const fresh = { ...train({ epoch: 1, steps: 20, validations: scores(1) }), keepWeights: false };
    expect(() => decodeCommand(fresh)).toThrow(/keepWeights must be true/);
    expect(() => decodeCommand(train({ epoch: 0, steps: 0, validations: [] }))).toThrow(
      /resume.epoch/,
    );
    expect(() => decodeCommand(train({ epoch: 3, steps: 60, validations: scores(3) }))).toThrow(
      /resume.epoch/,
    );
    expect(() => decodeCommand(train({ epoch: 1.5, steps: 30, validations: scores(1) }))).toThrow(
      /resume.epoch/,
    );
    expect(() => decodeCommand(train({ epoch: 2, steps: 1, validations: scores(2) }))).toThrow(
      /resume.steps/,
    );
    expect(() => decodeCommand(train({ epoch: 2, steps: 40, validations: scores(1) }))).toThrow(
      /resume.validations/,
    );
    const unscored = [{ loss: 1, accuracy: 0.5 }, { loss: 1 }];
    expect(() => decodeCommand(train({ epoch: 2, steps: 40, validations: unscored }))).toThrow(
      /resume.validations/,
    );
    expect(() => decodeCommand(train({ epoch: 2, steps: 40, validations: scores(2) }))).toThrow(
      /resume.after/,
    );
    const crashed = { epoch: 2, steps: 40, validations: scores(2), after: 'crashed' };
    expect(() => decodeCommand(train(crashed))).toThrow(/resume.after/);
  });

  it('decodes events and rejects unknown ones', () => {
    const event: WorkerEvent = {
      type: 'metrics',
      points: [{ series: 'train', step: 10, epoch: 1, loss: 0.5, accuracy: 0.8 }],
    };
    expect(decodeEvent(cross(event))).toEqual(event);
    expect(() => decodeEvent({ type: 'nope' })).toThrow(/Unknown event/);
  });

  it('transfers the pixels of a data result instead of copying them', () => {
    const pixels = new Uint8Array(28 * 28 * 2);
    const result = { kind: 'examples' as const, indices: [0, 1], labels: [0, 1], total: 2 };
    const event: WorkerEvent = { type: 'dataResult', requestId: 1, result: { ...result, pixels } };
    expect(transferablesOf(event)).toEqual([pixels.buffer]);
    const view: WorkerEvent = {
      ...event,
      result: { ...result, pixels: pixels.subarray(10) },
    };
    expect(transferablesOf(view)).toEqual([]);
    expect(transferablesOf({ type: 'pause' } as never)).toEqual([]);
  });

  it("transfers every image's feature maps, one buffer per image and layer", () => {
    const layer = (values: number[]) => ({
      layerId: 'c1',
      name: 'c1',
      output: { shape: [values.length], data: new Float32Array(values) },
    });
    const images = [{ layers: [layer([1]), layer([2])] }, { layers: [layer([3]), layer([4])] }];
    const event: WorkerEvent = {
      type: 'insight',
      requestId: 2,
      result: { kind: 'featureMaps', images },
    };
    const buffers = images.flatMap((maps) => maps.layers.map((l) => l.output.data.buffer));
    expect(transferablesOf(event)).toEqual(buffers);
  });

  it('asks for the dataset by request id, and transfers its bytes back', () => {
    const command: Command = { type: 'exportDataset', requestId: 3 };
    expect(decodeCommand(cross(command))).toEqual(command);
    expect(() => decodeCommand({ type: 'exportDataset' })).toThrow(/requestId/);
    const bytes = new ArrayBuffer(64);
    expect(transferablesOf({ type: 'datasetExported', requestId: 3, bytes })).toEqual([bytes]);
  });

  it('asks for an ensemble by run ids, and transfers its members back', () => {
    const command: Command = { type: 'evaluateEnsemble', requestId: 4, runIds: ['a', 'b'] };
    expect(decodeCommand(cross(command))).toEqual(command);
    expect(() => decodeCommand({ type: 'exportEnsemble', runIds: ['a'] })).toThrow(/requestId/);
    expect(() => decodeCommand({ type: 'exportEnsemble', requestId: 4, runIds: [1] })).toThrow(
      /runIds must be an array of strings/,
    );
    const member = (bytes: number) => ({
      weights: new ArrayBuffer(bytes),
      check: { pixels: new Uint8Array(4), probabilities: new Float32Array(2) },
    });
    const members = [member(8), member(16)];
    const event = { type: 'ensembleExported', requestId: 4, members } as unknown as WorkerEvent;
    expect(transferablesOf(event)).toEqual([
      members[0]!.check.pixels.buffer,
      members[0]!.check.probabilities.buffer,
      members[1]!.check.pixels.buffer,
      members[1]!.check.probabilities.buffer,
      members[0]!.weights,
      members[1]!.weights,
    ]);
  });
});
