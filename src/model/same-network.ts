import type { ModelSpec } from '../shared/model-spec';

/** The layers and wires of a spec, without canvas positions or display names. */
function structure(spec: ModelSpec): string {
  const nodes = spec.nodes.map(({ id, kind, config }) => JSON.stringify([id, kind, config])).sort();
  const edges = spec.edges.map((e) => `${e.from}>${e.to}#${e.port ?? 0}`).sort();
  return JSON.stringify([nodes, edges]);
}

/**
 * True when two specs build the same network: the same layers with the same configs, wired
 * the same way. Moving or renaming layers on the canvas changes nothing the weights depend on.
 */
export function sameNetwork(a: ModelSpec, b: ModelSpec): boolean {
  return structure(a) === structure(b);
}
