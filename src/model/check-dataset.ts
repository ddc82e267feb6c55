import type { LayerNode, NodeId, Shape } from '../shared/model-spec';
import type { Graph } from './graph';
import { soleOutput } from './graph';
import { formatShape, layerDefinition } from './layers';
import { nodeProblem } from './problems';
import type { DatasetShape, Problem } from './types';

/**
 * Problems with how the network meets the dataset: the Input must take the dataset's images
 * and the single output must give one probability per class. Layers without a shape were
 * already reported, so they are skipped here.
 */
export function datasetProblems(
  graph: Graph,
  shapes: Record<NodeId, Shape>,
  dataset: DatasetShape,
): Problem[] {
  const problems = [...graph.nodes.values()]
    .filter((node) => node.kind === 'input' && shapes[node.id] !== undefined)
    .flatMap((node) => inputProblems(node, dataset));
  const output = soleOutput(graph);
  const outputShape = output && shapes[output.id];
  if (output && outputShape) problems.push(...outputProblems(output, outputShape, dataset));
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
      `Set the Input shape to ${formatShape(expected)}.`,
    ),
  ];
}

function outputProblems(node: LayerNode, shape: Shape, dataset: DatasetShape): Problem[] {
  const { classes } = dataset;
  const ending = `Dense layer with ${classes} units and softmax activation`;
  if (shape.length !== 2) {
    return [
      nodeProblem(
        node,
        `The network ends with a ${formatShape(shape)} output, but it must end with one score per class.`,
        `End the network with Flatten and then a ${ending}.`,
      ),
    ];
  }
  if (node.kind !== 'dense') {
    return [
      nodeProblem(
        node,
        `The network ends with ${layerDefinition(node.kind).label}, but it must end with a Dense layer whose softmax turns scores into class probabilities.`,
        `Add a ${ending} at the end.`,
      ),
    ];
  }
  const problems: Problem[] = [];
  if (node.config.units !== classes) {
    problems.push(
      nodeProblem(
        node,
        `The last Dense layer has ${node.config.units} units but the dataset has ${classes} classes; set units to ${classes}.`,
        `Set units to ${classes}.`,
      ),
    );
  }
  if (node.config.activation !== 'softmax') {
    problems.push(
      nodeProblem(
        node,
        `The last Dense layer uses ${node.config.activation} activation, but classification needs softmax so that its outputs are class probabilities.`,
        'Set its activation to softmax.',
      ),
    );
  }
  return problems;
}
