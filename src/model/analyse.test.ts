import { describe, expect, it } from 'vitest';
import type { Edge, LayerNode, ModelSpec } from '../shared/model-spec';
import { analyse } from './analyse';
import type { DatasetShape, Problem } from './analyse';
import { chain, layer } from './spec-builder';
import { starterNetwork } from './templates';

const MNIST: DatasetShape = { shape: [28, 28, 1], classes: 10 };

/** The starter network with some layers' configs changed and extra layers and wires added. */
function makeSpec(
  options: { configs?: Record<string, object>; nodes?: LayerNode[]; edges?: Edge[] } = {},
): ModelSpec {
  const starter = starterNetwork();
  const nodes = starter.nodes.map(
    (node) => ({ ...node, config: { ...node.config, ...options.configs?.[node.id] } }) as LayerNode,
  );
  return {
    nodes: [...nodes, ...(options.nodes ?? [])],
    edges: [...starter.edges, ...(options.edges ?? [])],
  };
}

function problemsOf(spec: ModelSpec, dataset = MNIST): Problem[] {
  return analyse(spec, dataset).problems;
}

describe('analyse on the starter network', () => {
  const analysis = analyse(starterNetwork(), MNIST);

  it('finds no problems and keeps the chain order', () => {
    expect(analysis.problems).toEqual([]);
    expect(analysis.order).toEqual(starterNetwork().nodes.map((node) => node.id));
  });

  it('infers every shape', () => {
    expect(analysis.shapes).toEqual({
      input: [null, 28, 28, 1],
      conv1: [null, 24, 24, 8],
      pool1: [null, 12, 12, 8],
      conv2: [null, 8, 8, 16],
      pool2: [null, 4, 4, 16],
      flatten: [null, 256],
      dense1: [null, 64],
      dropout: [null, 64],
      output: [null, 10],
    });
  });

  it('counts parameters: weights plus biases', () => {
    expect(analysis.params).toEqual({
      input: 0,
      conv1: 5 * 5 * 1 * 8 + 8, // 208
      pool1: 0,
      conv2: 5 * 5 * 8 * 16 + 16, // 3216
      pool2: 0,
      flatten: 0,
      dense1: 256 * 64 + 64, // 16448
      dropout: 0,
      output: 64 * 10 + 10, // 650
    });
    expect(analysis.totalParams).toBe(20522);
  });

  it('counts FLOPs as two per multiply-add', () => {
    expect(analysis.flops).toMatchObject({
      conv1: 2 * 5 * 5 * 1 * (24 * 24 * 8), // 230400
      conv2: 2 * 5 * 5 * 8 * (8 * 8 * 16), // 409600
      dense1: 2 * 256 * 64, // 32768
      output: 2 * 64 * 10, // 1280
      pool1: 0,
    });
    expect(analysis.totalFlops).toBe(674048);
  });
});

describe('analyse reports', () => {
  it('a network without an Input layer', () => {
    const spec = chain([
      layer('flatten', 'f'),
      layer('dense', 'out', { units: 10, activation: 'softmax' }),
    ]);
    expect(problemsOf(spec)).toContainEqual({
      message: 'The network has no Input layer, so images have no way in.',
      fix: 'Add an Input layer at the top and wire it to the first layer.',
    });
  });

  it('an empty network as missing its Input', () => {
    expect(problemsOf({ nodes: [], edges: [] })).toEqual([
      expect.objectContaining({ message: expect.stringContaining('no Input layer') as unknown }),
    ]);
  });

  it('a second Input layer', () => {
    const spec = makeSpec({ nodes: [layer('input', 'input2')] });
    expect(problemsOf(spec)).toContainEqual(
      expect.objectContaining({
        nodeId: 'input2',
        message: 'input2: The network has 2 Input layers, but it reads one image at a time.',
      }),
    );
  });

  it("an Input shape that differs from the dataset's images", () => {
    expect(problemsOf(starterNetwork(), { shape: [32, 32, 3], classes: 10 })).toEqual([
      {
        nodeId: 'input',
        message:
          "input: The Input layer takes 28×28×1 images, but the dataset's images are 32×32×3.",
        fix: 'Set the Input shape to 32×32×3.',
      },
    ]);
  });

  it('every layer on a loop, and leaves them out of the order', () => {
    const analysis = analyse(makeSpec({ edges: [{ from: 'conv2', to: 'pool1' }] }), MNIST);
    const loopProblems = analysis.problems.filter((p) => p.message.includes('part of a loop'));
    expect(loopProblems.map((p) => p.nodeId)).toEqual(['pool1', 'conv2']);
    expect(analysis.order).toEqual(['input', 'conv1']);
    expect(analysis.shapes.output).toBeUndefined();
  });

  it('a layer that is not connected, without calling it a second output', () => {
    const spec = makeSpec({ nodes: [layer('dense', 'lonely')] });
    expect(problemsOf(spec)).toEqual([
      {
        nodeId: 'lonely',
        message: 'lonely: This layer is not connected to anything.',
        fix: 'Wire it into the network, or delete it.',
      },
    ]);
  });

  it('a layer with no incoming wire', () => {
    const spec = makeSpec({
      nodes: [layer('dense', 'orphan')],
      edges: [{ from: 'orphan', to: 'output' }],
    });
    const problems = problemsOf(spec);
    expect(problems).toContainEqual(
      expect.objectContaining({
        nodeId: 'orphan',
        message: 'orphan: This Dense layer has no incoming wire, so it receives no data.',
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        nodeId: 'output',
        message: 'output: Dense takes one input, but 2 wires lead into it.',
      }),
    );
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

  it('every dead end when the network has more than one output', () => {
    const spec = makeSpec({
      nodes: [layer('dense', 'side', { units: 10, activation: 'softmax' })],
      edges: [{ from: 'dense1', to: 'side' }],
    });
    const problems = problemsOf(spec);
    expect(problems.map((p) => p.nodeId)).toEqual(['output', 'side']);
    expect(problems[0]?.message).toBe(
      'output: This layer is a dead end: 2 layers (output, side) have no outgoing wire, but the network needs exactly one output.',
    );
  });

  it('a last Dense layer with the wrong number of units', () => {
    expect(problemsOf(makeSpec({ configs: { output: { units: 5 } } }))).toEqual([
      {
        nodeId: 'output',
        message:
          'output: The last Dense layer has 5 units but the dataset has 10 classes; set units to 10.',
        fix: 'Set units to 10.',
      },
    ]);
  });

  it('a last Dense layer without softmax', () => {
    expect(problemsOf(makeSpec({ configs: { output: { activation: 'relu' } } }))).toEqual([
      {
        nodeId: 'output',
        message:
          'output: The last Dense layer uses relu activation, but classification needs softmax so that its outputs are class probabilities.',
        fix: 'Set its activation to softmax.',
      },
    ]);
  });

  it('a network that does not end with a Dense layer', () => {
    const spec = chain([
      layer('input', 'input'),
      layer('flatten', 'flatten'),
      layer('dense', 'dense', { units: 10, activation: 'softmax' }),
      layer('dropout', 'drop'),
    ]);
    expect(problemsOf(spec)).toEqual([
      expect.objectContaining({
        nodeId: 'drop',
        message: expect.stringContaining('The network ends with Dropout') as unknown,
      }),
    ]);
  });

  it('a network that ends with an image instead of class scores', () => {
    const spec = chain([layer('input', 'input'), layer('conv2d', 'conv', { filters: 10 })]);
    expect(problemsOf(spec)).toEqual([
      expect.objectContaining({
        nodeId: 'conv',
        message:
          'conv: The network ends with a 26×26×10 output, but it must end with one score per class.',
      }),
    ]);
  });

  it('a kernel bigger than its input, once, without blaming the layers after it', () => {
    expect(problemsOf(makeSpec({ configs: { conv2: { kernelSize: 13 } } }))).toEqual([
      expect.objectContaining({
        nodeId: 'conv2',
        message: 'conv2: The 13×13 kernel is larger than its 12×12×8 input, so it fits nowhere.',
      }),
    ]);
  });

  it('a Dense layer on an image', () => {
    const spec = makeSpec();
    const withoutFlatten: ModelSpec = {
      nodes: spec.nodes.filter((node) => node.id !== 'flatten'),
      edges: [
        ...spec.edges.filter((edge) => edge.from !== 'flatten' && edge.to !== 'flatten'),
        { from: 'pool2', to: 'dense1' },
      ],
    };
    expect(problemsOf(withoutFlatten)).toEqual([
      {
        nodeId: 'dense1',
        message:
          'dense1: Dense needs a flat input, but it gets a 4×4×16 feature map; insert Flatten before it.',
        fix: 'Insert a Flatten layer before this Dense layer.',
      },
    ]);
  });

  it.each([
    ['conv1', { filters: 0 }, 'Filters must be a whole number of at least 1, but it is 0.'],
    ['conv1', { filters: 1.5 }, 'Filters must be a whole number of at least 1, but it is 1.5.'],
    ['dense1', { units: 0 }, 'Units must be a whole number of at least 1, but it is 0.'],
    ['dropout', { rate: 1 }, 'Dropout rate must be at least 0 and below 1, but it is 1.'],
  ])('an invalid setting on %s (%o)', (id, config, message) => {
    expect(problemsOf(makeSpec({ configs: { [id]: config } }))).toEqual([
      expect.objectContaining({ nodeId: id, message: `${id}: ${message}` }),
    ]);
  });

  it('a wire to a layer that does not exist', () => {
    const spec = makeSpec({ edges: [{ from: 'output', to: 'ghost' }] });
    expect(problemsOf(spec)).toEqual([
      {
        message: "A wire from 'output' to 'ghost' points to a layer that does not exist.",
        fix: 'Delete the wire.',
      },
    ]);
  });

  it('two layers sharing an id', () => {
    const spec = makeSpec({ nodes: [layer('dense', 'dense1')] });
    expect(problemsOf(spec)).toContainEqual(
      expect.objectContaining({
        nodeId: 'dense1',
        message: "dense1: Another layer already has the id 'dense1'.",
      }),
    );
  });
});
