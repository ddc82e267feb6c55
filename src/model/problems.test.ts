import { describe, expect, it } from 'vitest';
import type { Edge, LayerNode, ModelSpec } from '../shared/model-spec';
import { analyse } from './analyse';
import type { DatasetShape, Problem } from './analyse';
import { applyEdits } from './edits';
import { chain, layer } from './spec-builder';
import { starterNetwork } from './templates';

const MNIST: DatasetShape = { shape: [28, 28, 1], classes: 10 };

/** The starter network with some layers' configs changed and extra layers and wires added. */
function makeSpec(
  options: {
    configs?: Record<string, object>;
    nodes?: LayerNode[];
    edges?: Edge[];
    without?: string[];
  } = {},
): ModelSpec {
  const starter = starterNetwork();
  const gone = new Set(options.without ?? []);
  const nodes = starter.nodes
    .filter((node) => !gone.has(node.id))
    .map(
      (node) =>
        ({ ...node, config: { ...node.config, ...options.configs?.[node.id] } }) as LayerNode,
    );
  return {
    nodes: [...nodes, ...(options.nodes ?? [])],
    edges: [
      ...starter.edges.filter((edge) => !gone.has(edge.from) && !gone.has(edge.to)),
      ...(options.edges ?? []),
    ],
  };
}

function problemsOf(spec: ModelSpec, dataset = MNIST): Problem[] {
  return analyse(spec, dataset).problems;
}

/**
 * The one problem matching `message`, after checking that its fix (there must be one)
 * leaves a network with no problems at all.
 */
function expectFixable(spec: ModelSpec, message: string | RegExp, dataset = MNIST): Problem {
  const problem = problemsOf(spec, dataset).find((p) =>
    typeof message === 'string' ? p.message.includes(message) : message.test(p.message),
  );
  expect(problem, `no problem matching ${String(message)}`).toBeDefined();
  expect(problem?.fix, 'the problem has no fix').toBeDefined();
  const fixed = applyEdits(spec, problem?.fix?.edits ?? []);
  expect(problemsOf(fixed, dataset)).toEqual([]);
  return problem as Problem;
}

describe('wiring rules', () => {
  it('no Input layer: adds one above the only layer waiting for data', () => {
    const spec = chain([
      layer('flatten', 'f'),
      layer('dense', 'out', { units: 10, activation: 'softmax' }),
    ]);
    const problem = expectFixable(spec, 'no Input layer');
    expect(problem.nodeId).toBeUndefined();
    expect(problem.fix?.label).toBe('Add an Input above f');
  });

  it('an empty network: no Input, nothing obvious to fix', () => {
    expect(problemsOf({ nodes: [], edges: [] })).toEqual([
      {
        message:
          'The network has no Input layer, so images have no way in. Add an Input layer at the top and wire it to the first layer.',
      },
    ]);
  });

  it('a second Input layer: rewires its layers to the first', () => {
    const spec = chain([layer('input', 'input'), layer('conv2d', 'a', { padding: 'same' })]);
    const branch: ModelSpec = {
      nodes: [
        ...spec.nodes,
        layer('input', 'input2'),
        layer('conv2d', 'b', { padding: 'same' }),
        layer('add', 'sum'),
        layer('flatten', 'flat'),
        layer('dense', 'out', { units: 10, activation: 'softmax' }),
      ],
      edges: [
        ...spec.edges,
        { from: 'input2', to: 'b' },
        { from: 'a', to: 'sum', port: 0 },
        { from: 'b', to: 'sum', port: 1 },
        { from: 'sum', to: 'flat' },
        { from: 'flat', to: 'out' },
      ],
    };
    const problem = expectFixable(branch, '2 Input layers');
    expect(problem).toMatchObject({
      nodeId: 'input2',
      message: 'input2: The network has 2 Input layers, but it reads one image at a time.',
      fix: { label: 'Use input instead' },
    });
  });

  it('a loop: removes the wire leading back', () => {
    const spec = makeSpec({ edges: [{ from: 'conv2', to: 'pool1' }] });
    const analysis = analyse(spec, MNIST);
    const loop = analysis.problems.filter((p) => p.message.includes('part of a loop'));
    expect(loop.map((p) => p.nodeId)).toEqual(['pool1', 'conv2']);
    expect(analysis.order).toEqual(['input', 'conv1']);
    expect(loop[0]?.fix).toEqual({
      label: 'Remove the wire conv2 → pool1',
      edits: [{ type: 'disconnect', edge: { from: 'conv2', to: 'pool1' } }],
    });
    expectFixable(spec, 'part of a loop');
  });

  it('a layer connected to nothing: deletes it', () => {
    const spec = makeSpec({ nodes: [layer('dense', 'lonely')] });
    expect(problemsOf(spec)).toEqual([
      {
        nodeId: 'lonely',
        message: 'lonely: This layer is not connected to anything; wire it into the network.',
        fix: { label: 'Delete it', edits: [{ type: 'removeNode', id: 'lonely' }] },
      },
    ]);
    expectFixable(spec, 'not connected to anything');
  });

  it('a layer with no incoming wire, and one with too many', () => {
    const spec = makeSpec({
      nodes: [layer('dense', 'orphan')],
      edges: [{ from: 'orphan', to: 'output' }],
    });
    const problems = problemsOf(spec);
    expect(problems).toContainEqual({
      nodeId: 'orphan',
      message:
        'orphan: This Dense layer has no incoming wire, so it receives no data; wire the layer before it into this one.',
    });
    expect(problems).toContainEqual(
      expect.objectContaining({
        nodeId: 'output',
        message: 'output: Dense takes one input, but 2 wires lead into it.',
      }),
    );
  });

  it('too many wires into a layer: removes the extra one', () => {
    const spec = makeSpec({ edges: [{ from: 'dense1', to: 'output' }] });
    const problem = expectFixable(spec, 'Dense takes one input');
    expect(problem.fix?.edits).toEqual([
      { type: 'disconnect', edge: { from: 'dense1', to: 'output' } },
    ]);
  });

  it('a wire into the Input layer', () => {
    const spec = makeSpec({
      nodes: [layer('input', 'source')],
      edges: [{ from: 'source', to: 'input' }],
    });
    expect(problemsOf(spec)).toContainEqual(
      expect.objectContaining({
        nodeId: 'input',
        message: 'input: Input layers receive no wires, but 1 wire leads into it.',
      }),
    );
  });

  it('a merge layer with one input: removes it and keeps the wire', () => {
    const spec = makeSpec({
      nodes: [layer('add', 'join')],
      edges: [
        { from: 'pool2', to: 'join' },
        { from: 'join', to: 'flatten' },
      ],
    });
    spec.edges = spec.edges.filter((edge) => !(edge.from === 'pool2' && edge.to === 'flatten'));
    const problem = expectFixable(spec, 'Add needs at least 2 inputs');
    expect(problem.nodeId).toBe('join');
  });

  it('a second output: deletes the dead-end branch, keeping the classifier', () => {
    const spec = makeSpec({
      nodes: [layer('dense', 'side1', { units: 32 }), layer('dropout', 'side2')],
      edges: [
        { from: 'dense1', to: 'side1' },
        { from: 'side1', to: 'side2' },
      ],
    });
    const problems = problemsOf(spec);
    expect(problems).toEqual([
      {
        nodeId: 'side2',
        message:
          "side2: This layer's output goes nowhere: it is not connected to the network's output, output.",
        fix: {
          label: 'Delete its branch (2 layers)',
          edits: [
            { type: 'removeNode', id: 'side2' },
            { type: 'removeNode', id: 'side1' },
          ],
        },
      },
    ]);
    expectFixable(spec, 'goes nowhere');
  });

  it('a wire to a layer that does not exist: deletes the wire', () => {
    const spec = makeSpec({ edges: [{ from: 'output', to: 'ghost' }] });
    expect(problemsOf(spec)).toEqual([
      {
        message: "A wire from 'output' to 'ghost' points to a layer that does not exist.",
        fix: {
          label: 'Delete the wire',
          edits: [{ type: 'disconnect', edge: { from: 'output', to: 'ghost' } }],
        },
      },
    ]);
    expectFixable(spec, 'does not exist');
  });

  it('two layers sharing an id', () => {
    const spec = makeSpec({ nodes: [layer('dense', 'dense1')] });
    expect(problemsOf(spec)).toContainEqual(
      expect.objectContaining({
        nodeId: 'dense1',
        message: "dense1: Another layer already has the id 'dense1'; give each layer its own id.",
      }),
    );
  });
});

describe('dataset rules', () => {
  it('a Pretrained base cut after its own softmax classifier needs no head; cut before it, it does', () => {
    const layerFacts = (name: string, inputs: string[], units: number, activation?: string) => ({
      name,
      className: 'Dense',
      outputShape: [null, units],
      params: 10,
      trainableParams: 10,
      inputs,
      ...(activation ? { activation } : {}),
    });
    const base = {
      inputShape: [28, 28, 1] as [number, number, number],
      layers: [
        { ...layerFacts('flat', [], 784), className: 'Flatten', params: 0, trainableParams: 0 },
        layerFacts('hidden', ['flat'], 32, 'relu'),
        layerFacts('probs', ['hidden'], 10, 'softmax'),
      ],
    };
    const wholeModel = (cutLayer: string) =>
      chain([
        layer('input', 'input', { shape: [28, 28, 1] }),
        layer('pretrainedBase', 'imported', {
          source: { kind: 'files', id: 'f', name: 'model.json' },
          cutLayer,
          trainableLayers: 0,
          base,
        }),
      ]);
    expect(problemsOf(wholeModel('probs'))).toEqual([]);
    expect(problemsOf(wholeModel('probs'), { shape: [28, 28, 1], classes: 5 })).not.toEqual([]);
    expectFixable(wholeModel('hidden'), 'must end with a Dense layer');
  });

  it("an Input shape that differs from the dataset's images: sets it", () => {
    const cifar: DatasetShape = { shape: [32, 32, 3], classes: 10 };
    expect(problemsOf(starterNetwork(), cifar)).toEqual([
      {
        nodeId: 'input',
        message:
          "input: The Input layer takes 28×28×1 images, but the dataset's images are 32×32×3.",
        fix: {
          label: 'Set the shape to 32×32×3',
          edits: [{ type: 'updateConfig', id: 'input', config: { shape: [32, 32, 3] } }],
        },
      },
    ]);
    expectFixable(starterNetwork(), 'The Input layer takes', cifar);
  });

  it('output units ≠ classes: sets units', () => {
    const spec = makeSpec({ configs: { output: { units: 5 } } });
    const problem = expectFixable(spec, 'gives 5 scores');
    expect(problem).toMatchObject({
      nodeId: 'output',
      message:
        'output: The last Dense layer gives 5 scores but the dataset has 10 classes; it needs one per class.',
      fix: { label: 'Set units to 10' },
    });
  });

  it('a classifier without softmax: uses softmax', () => {
    const spec = makeSpec({ configs: { output: { activation: 'relu' } } });
    const problem = expectFixable(spec, 'needs softmax');
    expect(problem).toMatchObject({ nodeId: 'output', fix: { label: 'Use softmax' } });
  });

  it('a softmax Activation after a linear Dense is a valid classifier', () => {
    const spec = chain([
      layer('input', 'input'),
      layer('flatten', 'flatten'),
      layer('dense', 'scores', { units: 10, activation: 'linear' }),
      layer('activation', 'probs', { activation: 'softmax' }),
    ]);
    expect(problemsOf(spec)).toEqual([]);
  });

  it('a final Activation that is not softmax, after too few units: both fixed', () => {
    const spec = chain([
      layer('input', 'input'),
      layer('flatten', 'flatten'),
      layer('dense', 'scores', { units: 4, activation: 'linear' }),
      layer('activation', 'probs', { activation: 'tanh' }),
    ]);
    const problems = problemsOf(spec);
    expect(problems.map((p) => p.fix?.label)).toEqual(['Set units to 10', 'Use softmax']);
    const fixed = applyEdits(
      spec,
      problems.flatMap((p) => p.fix?.edits ?? []),
    );
    expect(problemsOf(fixed)).toEqual([]);
  });

  it('a network ending in another layer: adds a Dense output', () => {
    const spec = chain([
      layer('input', 'input'),
      layer('flatten', 'flatten'),
      layer('dense', 'dense', { units: 10, activation: 'softmax' }),
      layer('dropout', 'drop'),
    ]);
    const problem = expectFixable(spec, 'The network ends with Dropout');
    expect(problem).toMatchObject({ nodeId: 'drop', fix: { label: 'Add a Dense output' } });
  });

  it('a network ending with an image: adds Flatten and a Dense output', () => {
    const spec = chain([layer('input', 'input'), layer('conv2d', 'conv', { filters: 10 })]);
    const problem = expectFixable(spec, 'ends with a 26×26×10 output');
    expect(problem).toMatchObject({
      nodeId: 'conv',
      message:
        'conv: The network ends with a 26×26×10 output, but it must end with one score per class.',
      fix: { label: 'Add Flatten and a Dense output' },
    });
  });
});

describe('layer rules', () => {
  it('a kernel larger than its input, once: uses padding same', () => {
    const spec = makeSpec({ configs: { conv2: { kernelSize: 13 } } });
    expect(problemsOf(spec)).toEqual([
      {
        nodeId: 'conv2',
        message:
          "conv2: The 13×13 kernel is larger than its 12×12×8 input, so it fits nowhere. Use padding 'same', a smaller kernel, or fewer pooling layers above this one.",
        fix: {
          label: "Use padding 'same'",
          edits: [{ type: 'updateConfig', id: 'conv2', config: { padding: 'same' } }],
        },
      },
    ]);
    expectFixable(spec, 'kernel is larger');
  });

  it('a pooling window larger than its input: uses padding same', () => {
    const spec = makeSpec({ configs: { pool2: { poolSize: 9 } } });
    expectFixable(spec, 'pooling window is larger');
  });

  it('a Dense layer on an image: inserts Flatten on its wire', () => {
    const spec = makeSpec({ without: ['flatten'], edges: [{ from: 'pool2', to: 'dense1' }] });
    const problem = expectFixable(spec, 'Dense needs a flat input');
    expect(problem).toMatchObject({
      nodeId: 'dense1',
      message:
        'dense1: Dense needs a flat input, but it gets a 4×4×16 feature map; insert Flatten (or GlobalAvgPool2D) before it.',
      fix: {
        label: 'Insert Flatten',
        edits: [
          {
            type: 'insertBetween',
            from: 'pool2',
            to: 'dense1',
            node: { id: 'flatten_1', kind: 'flatten' },
          },
        ],
      },
    });
  });

  it('strides and dilation both above 1: sets strides to 1', () => {
    const spec = makeSpec({ configs: { conv1: { strides: 2, dilation: 2 } } });
    expectFixable(spec, 'cannot both be above 1');
  });

  it('Add inputs of different shapes, naming both', () => {
    const spec = chain([layer('input', 'input'), layer('conv2d', 'a', { filters: 8 })]);
    spec.nodes.push(layer('conv2d', 'b', { filters: 4 }), layer('add', 'sum'));
    spec.edges.push(
      { from: 'input', to: 'b' },
      { from: 'a', to: 'sum', port: 0 },
      { from: 'b', to: 'sum', port: 1 },
    );
    expect(problemsOf(spec)).toContainEqual({
      nodeId: 'sum',
      message:
        'sum: Add needs inputs of identical shape, but it gets 26×26×8 and 26×26×4. Match the channels with a 1×1 Conv2D and the sizes with strides or padding on one path.',
    });
  });

  it('Concatenate inputs of different sizes, naming both', () => {
    const spec = chain([layer('input', 'input'), layer('conv2d', 'a')]);
    spec.nodes.push(layer('conv2d', 'b', { padding: 'same' }), layer('concatenate', 'cat'));
    spec.edges.push(
      { from: 'input', to: 'b' },
      { from: 'a', to: 'cat', port: 0 },
      { from: 'b', to: 'cat', port: 1 },
    );
    expect(problemsOf(spec)).toContainEqual(
      expect.objectContaining({
        nodeId: 'cat',
        message: expect.stringContaining('but it gets 26×26×8 and 28×28×8') as unknown,
      }),
    );
  });

  it.each([
    ['conv1', { filters: 0 }, 'Filters must be a whole number of at least 1, but it is 0.'],
    ['conv1', { filters: 1.5 }, 'Filters must be a whole number of at least 1, but it is 1.5.'],
    ['conv1', { dilation: 0 }, 'Dilation must be a whole number of at least 1, but it is 0.'],
    ['pool1', { strides: 0 }, 'Strides must be a whole number of at least 1, but it is 0.'],
    ['dense1', { units: 0 }, 'Units must be a whole number of at least 1, but it is 0.'],
    ['dropout', { rate: 1 }, 'Dropout rate must be at least 0 and below 1, but it is 1.'],
  ])('an invalid setting on %s (%o), reset by its fix', (id, config, message) => {
    const spec = makeSpec({ configs: { [id]: config } });
    expect(problemsOf(spec)).toEqual([
      expect.objectContaining({ nodeId: id, message: `${id}: ${message}` }),
    ]);
    expectFixable(spec, message);
  });
});

describe('a Flatten on flat data', () => {
  it('is removed, keeping the wire', () => {
    const spec = makeSpec({
      nodes: [layer('flatten', 'again')],
      edges: [
        { from: 'flatten', to: 'again' },
        { from: 'again', to: 'dense1' },
      ],
    });
    spec.edges = spec.edges.filter((edge) => !(edge.from === 'flatten' && edge.to === 'dense1'));
    const problem = expectFixable(spec, 'already a flat list');
    expect(problem.nodeId).toBe('again');
  });
});
