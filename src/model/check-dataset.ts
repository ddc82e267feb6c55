import type { LayerNode, LayerNodeOf, ModelSpec, NodeId, Shape } from '../shared/model-spec';
import type { Fix, SpecEdit } from './edit-types';
import type { Graph } from './graph';
import { incomingOf, nodeOf, soleOutput } from './graph';
import { formatShape, layerDefinition } from './layers';
import { below, newLayer } from './new-layer';
import { nodeProblem } from './problems';
import type { DatasetShape, Problem } from './types';

/**
 * Problems with how the network meets the dataset: the Input must take the dataset's images
 * and the single output must give one probability per class. Layers without a shape were
 * already reported, so they are skipped here.
 */
export function datasetProblems(
  spec: ModelSpec,
  graph: Graph,
  shapes: Record<NodeId, Shape>,
  dataset: DatasetShape,
): Problem[] {
  const problems = [...graph.nodes.values()]
    .filter((node) => node.kind === 'input' && shapes[node.id] !== undefined)
    .flatMap((node) => inputProblems(node, dataset));
  const output = soleOutput(graph);
  const outputShape = output && shapes[output.id];
  if (output && outputShape) {
    problems.push(...outputProblems(spec, graph, output, outputShape, dataset));
  }
  return problems;
}

function inputProblems(node: LayerNode, dataset: DatasetShape): Problem[] {
  if (node.kind !== 'input') return [];
  const expected = [null, ...dataset.shape];
  const actual = [null, ...node.config.shape];
  if (expected.every((dim, i) => dim === actual[i])) return [];
  return [
    nodeProblem(
      node,
      `The Input layer takes ${formatShape(actual)} images, but the dataset's images are ${formatShape(expected)}.`,
      {
        label: `Set the shape to ${formatShape(expected)}`,
        edits: [{ type: 'updateConfig', id: node.id, config: { shape: [...dataset.shape] } }],
      },
    ),
  ];
}

function outputProblems(
  spec: ModelSpec,
  graph: Graph,
  node: LayerNode,
  shape: Shape,
  dataset: DatasetShape,
): Problem[] {
  const { classes } = dataset;
  if (shape.length !== 2) {
    return [
      nodeProblem(
        node,
        `The network ends with a ${formatShape(shape)} output, but it must end with one score per class.`,
        appendClassifier(spec, node, classes, true),
      ),
    ];
  }
  if (node.kind === 'pretrainedBase' && classifiesAlready(node, shape, classes)) return [];
  if (node.kind !== 'dense' && node.kind !== 'activation') {
    return [
      nodeProblem(
        node,
        `The network ends with ${layerDefinition(node.kind).label}, but it must end with a Dense layer whose softmax turns scores into class probabilities.`,
        appendClassifier(spec, node, classes, false),
      ),
    ];
  }
  const problems: Problem[] = [];
  const units = shape[1];
  if (units !== classes) {
    const scorer = node.kind === 'dense' ? node : denseFeeding(graph, node);
    const what = node.kind === 'dense' ? 'The last Dense layer' : 'The network';
    problems.push(
      nodeProblem(
        node,
        `${what} gives ${units} scores but the dataset has ${classes} classes; it needs one per class.`,
        scorer
          ? {
              label: `Set units to ${classes}`,
              edits: [{ type: 'updateConfig', id: scorer.id, config: { units: classes } }],
            }
          : appendClassifier(spec, node, classes, false),
      ),
    );
  }
  if (node.config.activation !== 'softmax') {
    const what = node.kind === 'dense' ? 'The last Dense layer' : 'The last Activation';
    problems.push(
      nodeProblem(
        node,
        `${what} uses ${node.config.activation}, but classification needs softmax so that its outputs are class probabilities.`,
        {
          label: 'Use softmax',
          edits: [{ type: 'updateConfig', id: node.id, config: { activation: 'softmax' } }],
        },
      ),
    );
  }
  return problems;
}

/**
 * True when a Pretrained base is cut after a softmax giving one probability per class: a whole
 * imported classifier, which needs no head of its own.
 */
function classifiesAlready(node: LayerNodeOf<'pretrainedBase'>, shape: Shape, classes: number) {
  const { base, cutLayer } = node.config;
  const cut = base?.layers.find((layer) => layer.name === cutLayer);
  return cut?.activation === 'softmax' && shape[1] === classes;
}

/** The Dense layer whose scores reach `node` through layers that keep the shape. */
function denseFeeding(graph: Graph, node: LayerNode): LayerNode | undefined {
  let current = node;
  for (;;) {
    const wires = incomingOf(graph, current.id);
    const [wire] = wires;
    if (wires.length !== 1 || !wire) return undefined;
    current = nodeOf(graph, wire.from);
    if (current.kind === 'dense') return current;
    if (!['activation', 'dropout', 'batchNorm', 'rescaling'].includes(current.kind)) {
      return undefined;
    }
  }
}

/** Adds (Flatten and) a Dense layer with one softmax unit per class after `node`. */
function appendClassifier(spec: ModelSpec, node: LayerNode, classes: number, flat: boolean): Fix {
  const edits: SpecEdit[] = [];
  let last = node;
  let working = spec;
  if (flat) {
    const flatten = newLayer(working, 'flatten', {}, [below(last)]);
    edits.push({ type: 'addNode', node: flatten }, connect(last, flatten));
    working = { ...working, nodes: [...working.nodes, flatten] };
    last = flatten;
  }
  const dense = newLayer(working, 'dense', { units: classes, activation: 'softmax' }, [
    below(last),
  ]);
  edits.push({ type: 'addNode', node: dense }, connect(last, dense));
  return { label: flat ? 'Add Flatten and a Dense output' : 'Add a Dense output', edits };
}

function connect(from: LayerNode, to: LayerNode): SpecEdit {
  return { type: 'connect', edge: { from: from.id, to: to.id } };
}
