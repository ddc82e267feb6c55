import type { ModelSpec } from '../shared/model-spec';

/** JSON with every object's keys sorted: a saved project reads configs back in another order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** The layers and wires of a spec, without canvas positions or display names. */
function structure(spec: ModelSpec): string {
  const nodes = spec.nodes.map(({ id, kind, config }) => canonical([id, kind, config])).sort();
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
