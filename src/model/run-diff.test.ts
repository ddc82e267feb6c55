import { describe, expect, it } from 'vitest';
import { NO_AUGMENTATION } from '../shared/augmentation';
import type { Edge, ModelSpec } from '../shared/model-spec';
import { DEFAULT_SETTINGS } from '../shared/train-settings';
import { diffPerClass, diffSettings, diffSpecs } from './run-diff';
import { layer } from './spec-builder';
import { MNIST_SHAPE, TEMPLATES, starterNetwork } from './templates';

const wire = (from: string, to: string, port?: number): Edge =>
  port === undefined ? { from, to } : { from, to, port };

/** `spec` with the wire into `to` from `from` replaced by the given wires. */
function rewire(spec: ModelSpec, from: string, to: string, ...wires: Edge[]): ModelSpec {
  const kept = spec.edges.filter((edge) => !(edge.from === from && edge.to === to));
  return { ...spec, edges: [...kept, ...wires] };
}

describe('diffSpecs', () => {
  const starter = starterNetwork();

  it('finds nothing between a network and itself, moved and renamed on the canvas', () => {
    expect(diffSpecs(starter, starter)).toEqual([]);
    const moved = {
      ...starter,
      nodes: starter.nodes.map((node) => ({ ...node, position: { x: 9, y: 9 }, name: 'x' })),
    };
    expect(diffSpecs(starter, moved)).toEqual([]);
  });

  it('reports a changed layer width with the field’s name', () => {
    const wider = {
      ...starter,
      nodes: starter.nodes.map((node) =>
        node.id === 'dense1' ? layer('dense', 'dense1', { units: 128, activation: 'relu' }) : node,
      ),
    };
    expect(diffSpecs(starter, wider)).toEqual([
      {
        id: 'dense1',
        kind: 'changed',
        label: "Dense 'dense1' (units 64 → 128)",
        changes: [{ field: 'units', from: 64, to: 128 }],
      },
    ]);
  });

  it('reports an added layer and the layer whose input it became', () => {
    const added = rewire(
      { ...starter, nodes: [...starter.nodes, layer('dense', 'dense2', { units: 32 })] },
      'dense1',
      'dropout',
      wire('dense1', 'dense2'),
      wire('dense2', 'dropout'),
    );
    expect(diffSpecs(starter, added)).toEqual([
      {
        id: 'dropout',
        kind: 'changed',
        label: "Dropout 'dropout' (inputs dense1 → dense2)",
        changes: [{ field: 'inputs', from: ['dense1'], to: ['dense2'] }],
      },
      { id: 'dense2', kind: 'added', label: "Dense 'dense2' (added)", changes: [] },
    ]);
  });

  it('reports a removed layer and the rewired layer after it', () => {
    const removed = rewire(
      {
        nodes: starter.nodes.filter((node) => node.id !== 'dropout'),
        edges: starter.edges.filter((edge) => edge.from !== 'dropout'),
      },
      'dense1',
      'dropout',
      wire('dense1', 'output'),
    );
    expect(diffSpecs(starter, removed).map(({ id, kind, label }) => [id, kind, label])).toEqual([
      ['dropout', 'removed', "Dropout 'dropout' (removed)"],
      ['output', 'changed', "Dense 'output' (inputs dropout → dense1)"],
    ]);
  });

  it('reports a rewired skip connection, in port order', () => {
    const resnet = TEMPLATES.find((t) => t.id === 'smallResnet')!.build(MNIST_SHAPE);
    const rewired = rewire(
      resnet,
      'stem_relu',
      'block1_add',
      wire('block1_relu1', 'block1_add', 1),
    );
    expect(diffSpecs(resnet, rewired)).toEqual([
      {
        id: 'block1_add',
        kind: 'changed',
        label:
          "Add 'block1_add' (inputs block1_conv2_bn + stem_relu → block1_conv2_bn + block1_relu1)",
        changes: [
          {
            field: 'inputs',
            from: ['block1_conv2_bn', 'stem_relu'],
            to: ['block1_conv2_bn', 'block1_relu1'],
          },
        ],
      },
    ]);
    const swapped = {
      ...resnet,
      edges: resnet.edges.map((e) => (e.to === 'block1_add' ? { ...e, port: 1 - e.port! } : e)),
    };
    expect(diffSpecs(resnet, swapped).map((change) => change.id)).toEqual(['block1_add']);
  });

  it('treats a layer whose kind changed under the same id as removed and added', () => {
    const swapped = {
      ...starter,
      nodes: starter.nodes.map((node) =>
        node.id === 'pool1' ? { ...layer('avgPool2d', 'pool1'), position: node.position } : node,
      ),
    };
    expect(diffSpecs(starter, swapped).map(({ kind, label }) => [kind, label])).toEqual([
      ['removed', "MaxPool2D 'pool1' (removed)"],
      ['added', "AvgPool2D 'pool1' (added)"],
    ]);
  });

  it('lists several changed fields of one layer in inspector order, whatever the key order', () => {
    const changed = {
      ...starter,
      nodes: starter.nodes.map((node) =>
        node.id === 'conv1'
          ? {
              ...node,
              config: Object.fromEntries(
                Object.entries({ ...node.config, filters: 4, kernelSize: 3 }).reverse(),
              ),
            }
          : node,
      ),
    } as ModelSpec;
    expect(diffSpecs(starter, changed)).toHaveLength(1);
    expect(diffSpecs(starter, changed)[0]!.label).toBe(
      "Conv2D 'conv1' (filters 8 → 4, kernel size 5 → 3)",
    );
  });
});

describe('diffSettings', () => {
  it('finds nothing between equal settings', () => {
    expect(diffSettings(DEFAULT_SETTINGS, structuredClone(DEFAULT_SETTINGS))).toEqual([]);
  });

  it('names nested fields by their path', () => {
    const changed = {
      ...DEFAULT_SETTINGS,
      learningRate: 0.01,
      examplesPerEpoch: 500,
      augmentation: { ...NO_AUGMENTATION, flipHorizontal: 0.5 },
    };
    expect(diffSettings(DEFAULT_SETTINGS, changed)).toEqual([
      { field: 'learningRate', from: 0.002, to: 0.01 },
      { field: 'examplesPerEpoch', from: null, to: 500 },
      { field: 'augmentation.flipHorizontal', from: 0, to: 0.5 },
    ]);
  });

  it('reports fields present on one side only, and arrays as a whole', () => {
    const before = { schedule: { kind: 'constant' }, sizes: [1, 2] };
    const after = { schedule: { kind: 'step', everyEpochs: 2 }, sizes: [1, 3] };
    expect(diffSettings(before, after)).toEqual([
      { field: 'schedule.kind', from: 'constant', to: 'step' },
      { field: 'schedule.everyEpochs', from: undefined, to: 2 },
      { field: 'sizes', from: [1, 2], to: [1, 3] },
    ]);
  });
});

describe('diffPerClass', () => {
  it('sorts classes by the size of their change, ties in class order', () => {
    expect(diffPerClass(['cat', 'dog', 'fox'], [0.5, 1, 0.25], [0.75, 0.5, 0.5])).toEqual([
      { name: 'dog', from: 1, to: 0.5, delta: -0.5 },
      { name: 'cat', from: 0.5, to: 0.75, delta: 0.25 },
      { name: 'fox', from: 0.25, to: 0.5, delta: 0.25 },
    ]);
  });

  it('refuses results that do not have one value per class', () => {
    expect(() => diffPerClass(['a', 'b'], [1, 1], [1])).toThrow(/one value per class/);
  });
});
