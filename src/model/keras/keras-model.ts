/**
 * The network as a Python `build_model()` that rebuilds it with the Keras functional API,
 * one line per layer in topological order, as the worker builds it with tfjs.
 */
import type { ModelSpec, NodeId } from '../../shared/model-spec';
import { buildGraph, incomingOf, nodeOf, soleOutput } from '../graph';
import { kerasLayer } from './keras-layers';
import { pyCall, pyList } from './python-literal';

const INDENT = 4;

/**
 * Source of `def build_model():` for `spec`, whose layers are built in `order` (every
 * layer after its inputs, as `analyse` gives it).
 *
 * @throws Error when the network has no single output.
 */
export function buildModelSource(spec: ModelSpec, order: readonly NodeId[]): string {
  const graph = buildGraph(spec);
  const output = soleOutput(graph);
  if (!output) throw new Error('The network must have exactly one output to be exported.');
  const variables = variableNames(order);
  const variable = (id: NodeId) => {
    const name = variables.get(id);
    if (name === undefined) throw new Error(`Layer '${id}' is used before it is built.`);
    return name;
  };
  const lines = order.map((id) => {
    const node = nodeOf(graph, id);
    const { callee, kwargs } = kerasLayer(node);
    const before = `${variable(id)} = `;
    // Wires come ordered by port: the order Concatenate stacks its inputs in.
    const from = incomingOf(graph, id).map((edge) => variable(edge.from));
    const applied =
      node.kind === 'input' ? '' : from.length === 1 ? `(${from[0]})` : `(${pyList(from)})`;
    const call = pyCall(callee, [], kwargs, { indent: INDENT, before, after: applied });
    return `${before}${call}${applied}`;
  });
  const inputs = order.filter((id) => nodeOf(graph, id).kind === 'input').map(variable);
  const [only] = inputs;
  const model = pyCall(
    'keras.Model',
    [],
    [
      ['inputs', inputs.length === 1 && only !== undefined ? only : pyList(inputs)],
      ['outputs', variable(output.id)],
    ],
  );
  return [
    'def build_model():',
    '    """The studio\'s network, layer by layer; each layer is named after its studio node."""',
    ...lines.map((line) => `    ${line}`),
    `    return ${model}`,
  ].join('\n');
}

/**
 * A Python variable per layer: `x_` and the id with anything but ASCII letters, digits and
 * `_` replaced, numbered where two ids would collide. The prefix keeps clear of keywords.
 */
function variableNames(ids: readonly NodeId[]): Map<NodeId, string> {
  const names = new Map<NodeId, string>();
  const taken = new Set<string>();
  for (const id of ids) {
    const base = `x_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
    taken.add(name);
    names.set(id, name);
  }
  return names;
}
