/**
 * A `model.json` (tfjs layers format, as the studio exports it or as the tensorflowjs
 * converter writes it from Keras) → the ModelSpec the builder shows, with node ids equal to
 * the model's layer names so the weights can be loaded by name.
 */
import type { Edge, LayerNode, ModelSpec } from '../../shared/model-spec';
import type { Config } from './keras-layer';
import { ImportError, importLayer } from './keras-layer';

interface TopologyLayer {
  class_name: string;
  config: Config;
  name?: string;
  inbound_nodes?: unknown[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The model's class and config, wherever the format version put them. */
function modelConfig(modelJson: unknown): { className: string; config: unknown } {
  if (!isRecord(modelJson)) throw new ImportError('model.json does not hold a JSON object.');
  let topology: unknown = modelJson.modelTopology ?? modelJson;
  if (isRecord(topology) && isRecord(topology.model_config)) topology = topology.model_config;
  if (!isRecord(topology) || typeof topology.class_name !== 'string') {
    throw new ImportError(
      'model.json has no layers model topology. Graph models (from SavedModels) cannot be shown in the builder.',
    );
  }
  return { className: topology.class_name, config: topology.config };
}

function layersOf(config: unknown): TopologyLayer[] {
  const layers = Array.isArray(config) ? config : isRecord(config) ? config.layers : undefined;
  if (!Array.isArray(layers) || layers.length === 0) {
    throw new ImportError('model.json lists no layers.');
  }
  return layers.map((layer, i) => {
    if (!isRecord(layer) || typeof layer.class_name !== 'string' || !isRecord(layer.config)) {
      throw new ImportError(`Layer ${i + 1} of model.json is malformed.`);
    }
    return layer as unknown as TopologyLayer;
  });
}

function nameOf(layer: TopologyLayer, index: number): string {
  const name = layer.name ?? layer.config.name;
  return typeof name === 'string' && name.length > 0 ? name : `layer_${index + 1}`;
}

/** [h, w, c] from an InputLayer's or first layer's batch shape. */
function inputShapeOf(name: string, config: Config): [number, number, number] {
  const batch = config.batch_input_shape ?? config.batch_shape;
  const shape = Array.isArray(batch) ? batch.slice(1) : config.input_shape;
  if (
    !Array.isArray(shape) ||
    shape.length !== 3 ||
    !shape.every((n) => typeof n === 'number' && Number.isInteger(n) && n > 0)
  ) {
    throw new ImportError(
      `The input '${name}' has shape ${JSON.stringify(shape)}; the studio takes images of a fixed height × width × channels.`,
    );
  }
  return shape as [number, number, number];
}

/** Names of the layers feeding one layer, from either inbound-node spelling. */
function inboundNames(layer: TopologyLayer, name: string): string[] {
  const nodes = layer.inbound_nodes ?? [];
  if (nodes.length === 0) return [];
  if (nodes.length > 1) {
    throw new ImportError(
      `Layer '${name}' is used more than once; shared layers are not supported.`,
    );
  }
  const node = nodes[0];
  // tfjs and Keras 2: [[name, nodeIndex, tensorIndex, kwargs], ...]
  if (Array.isArray(node)) return node.map((entry) => String((entry as unknown[])[0]));
  // Keras 3: { args: [tensor or [tensors]] } with keras_history [name, nodeIndex, tensorIndex]
  const names: string[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (isRecord(value)) {
      const history = isRecord(value.config) ? value.config.keras_history : undefined;
      if (Array.isArray(history)) names.push(String(history[0]));
      else if (value.args !== undefined) walk(value.args);
    }
  };
  walk(node);
  return names;
}

/**
 * A layer the builder has no block for (its class, or a setting such as channels-first): the
 * model as a whole may still load in tfjs and be used as one frozen block.
 */
export class UnbuildableLayerError extends ImportError {
  override name = 'UnbuildableLayerError';
}

function builderLayer(name: string, layer: TopologyLayer) {
  try {
    return importLayer(name, layer.class_name, layer.config);
  } catch (error) {
    throw error instanceof ImportError ? new UnbuildableLayerError(error.message) : error;
  }
}

/**
 * The ModelSpec of a layers model, or an ImportError that names the first layer the builder
 * cannot show and why.
 */
export function specFromModelJson(modelJson: unknown): ModelSpec {
  const { className, config } = modelConfig(modelJson);
  const sequential = className === 'Sequential';
  if (!sequential && className !== 'Model' && className !== 'Functional') {
    throw new ImportError(`model.json holds a ${className}, not a Sequential or functional model.`);
  }
  const layers = layersOf(config);
  const nodes: LayerNode[] = [];
  const edges: Edge[] = [];
  const ids = new Set<string>();
  let previous: string | null = null;

  layers.forEach((layer, index) => {
    const name = nameOf(layer, index);
    if (ids.has(name)) throw new ImportError(`Two layers are named '${name}'.`);
    if (layer.class_name === 'InputLayer') {
      nodes.push({
        id: name,
        kind: 'input',
        name,
        config: { shape: inputShapeOf(name, layer.config) },
      });
    } else {
      if (sequential && previous === null) {
        // A Sequential model without an InputLayer declares its input on the first layer.
        const input = `${name}_input`;
        nodes.push({
          id: input,
          kind: 'input',
          name: input,
          config: { shape: inputShapeOf(name, layer.config) },
        });
        ids.add(input);
        previous = input;
      }
      nodes.push({ id: name, name, ...builderLayer(name, layer) });
      const sources = sequential ? [previous!] : inboundNames(layer, name);
      if (sources.length === 0) throw new ImportError(`Layer '${name}' has no input.`);
      sources.forEach((from, port) =>
        edges.push(sources.length > 1 ? { from, to: name, port } : { from, to: name }),
      );
    }
    ids.add(name);
    previous = name;
  });

  const missing = edges.find((edge) => !ids.has(edge.from));
  if (missing)
    throw new ImportError(
      `Layer '${missing.to}' takes its input from '${missing.from}', which is not in model.json.`,
    );
  return { nodes, edges };
}
