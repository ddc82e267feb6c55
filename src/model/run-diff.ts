/**
 * What changed between two runs: their networks, their settings and their per-class results,
 * so a student can tie a change in accuracy to the edit that caused it.
 */
import type { LayerNode, ModelSpec, NodeId } from '../shared/model-spec';
import { buildGraph, incomingOf, type Graph } from './graph';
import { layerDefinition } from './layers';
import { nodeName } from './problems';

/** One value that differs; `field` is a config key, 'inputs', or a dotted settings path. */
export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface LayerChange {
  id: string;
  kind: 'added' | 'removed' | 'changed';
  /** In words, e.g. "Dense 'dense_2' (units 64 → 128)". */
  label: string;
  changes: FieldChange[];
}

/** Structural equality of JSON-like values; NaN equals NaN, so an unchanged NaN is no change. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every(
      (key) =>
        Object.hasOwn(b, key) &&
        sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
    )
  );
}

/** Keys of both records, `a`'s order first, so the result reads in the form's order. */
function unionKeys(a: object, b: object): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])];
}

/** The longest value a label writes out; longer ones (a pretrained base's facts) just "changed". */
const MAX_VALUE_CHARS = 40;

function formatValue(value: unknown): string | undefined {
  if (value === undefined) return '—';
  const text =
    typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : JSON.stringify(value);
  return text.length <= MAX_VALUE_CHARS ? text : undefined;
}

function describeChange(name: string, from: unknown, to: unknown): string {
  const [before, after] = [formatValue(from), formatValue(to)];
  return before === undefined || after === undefined
    ? `${name} changed`
    : `${name} ${before} → ${after}`;
}

/** The inspector's name for a config key, as it would read mid-sentence. */
function fieldName(node: LayerNode, key: string): string {
  const field = layerDefinition(node.kind).fields.find((f) => f.key === key);
  return field ? field.label.toLowerCase() : key;
}

/**
 * The config keys of both versions of a layer in inspector order, keys the inspector does not
 * show last: a saved project may store them in any order.
 */
function configKeys(node: LayerNode, a: object, b: object): string[] {
  const order = layerDefinition(node.kind).fields.map((f) => f.key);
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return unionKeys(a, b).sort((x, y) => rank(x) - rank(y));
}

const inputIds = (graph: Graph, id: NodeId) => incomingOf(graph, id).map((edge) => edge.from);

function inputNames(graph: Graph, id: NodeId): string {
  const names = inputIds(graph, id).map((from) => nodeName(graph.nodes.get(from)!));
  return names.length === 0 ? 'none' : names.join(' + ');
}

function layerLabel(node: LayerNode, details?: string): string {
  const label = `${layerDefinition(node.kind).label} '${nodeName(node)}'`;
  return details === undefined ? label : `${label} (${details})`;
}

/** The config fields and wiring of one layer present in both specs that differ. */
function changedLayer(before: Graph, after: Graph, id: NodeId): LayerChange | undefined {
  const old = before.nodes.get(id)!;
  const now = after.nodes.get(id)!;
  const oldConfig = old.config as Record<string, unknown>;
  const newConfig = now.config as Record<string, unknown>;
  const changes: FieldChange[] = configKeys(now, oldConfig, newConfig)
    .filter((key) => !sameValue(oldConfig[key], newConfig[key]))
    .map((key) => ({ field: key, from: oldConfig[key], to: newConfig[key] }));
  const words = changes.map((c) => describeChange(fieldName(now, c.field), c.from, c.to));
  const [oldInputs, newInputs] = [inputIds(before, id), inputIds(after, id)];
  if (!sameValue(oldInputs, newInputs)) {
    changes.push({ field: 'inputs', from: oldInputs, to: newInputs });
    words.push(`inputs ${inputNames(before, id)} → ${inputNames(after, id)}`);
  }
  if (changes.length === 0) return undefined;
  return { id, kind: 'changed', label: layerLabel(now, words.join(', ')), changes };
}

/**
 * The layers added, removed or changed from `a` to `b`, matched by node id: removed and
 * changed in `a`'s order, then added in `b`'s. A layer whose kind changed under the same id is
 * reported removed and added, since its settings cannot be compared field by field. Canvas
 * positions and display names are ignored, as `sameNetwork` ignores them.
 */
export function diffSpecs(a: ModelSpec, b: ModelSpec): LayerChange[] {
  const [before, after] = [buildGraph(a), buildGraph(b)];
  // A layer survives from one spec to the other when the other has its id with the same kind.
  const survives = (id: NodeId, from: Graph, to: Graph) =>
    to.nodes.get(id)?.kind === from.nodes.get(id)?.kind;
  const diff: LayerChange[] = [];
  for (const [id, node] of before.nodes) {
    if (!survives(id, before, after)) {
      diff.push({ id, kind: 'removed', label: layerLabel(node, 'removed'), changes: [] });
      continue;
    }
    const change = changedLayer(before, after, id);
    if (change) diff.push(change);
  }
  for (const [id, node] of after.nodes) {
    if (!survives(id, after, before)) {
      diff.push({ id, kind: 'added', label: layerLabel(node, 'added'), changes: [] });
    }
  }
  return diff;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  !ArrayBuffer.isView(value);

function diffAt(path: string, a: unknown, b: unknown): FieldChange[] {
  if (isPlainObject(a) && isPlainObject(b)) {
    return unionKeys(a, b).flatMap((key) => diffAt(path ? `${path}.${key}` : key, a[key], b[key]));
  }
  return sameValue(a, b) ? [] : [{ field: path, from: a, to: b }];
}

/**
 * Every setting that differs, nested objects (augmentation, schedule, early stopping) compared
 * field by field as dotted paths like 'augmentation.flipHorizontal'; arrays compare whole.
 * Typed `object` rather than a record so a `TrainSettings` interface passes as it is.
 */
export function diffSettings(a: object, b: object): FieldChange[] {
  return diffAt('', a, b);
}

/**
 * Per-class accuracy of two runs side by side, the largest changes first (ties keep class
 * order), so what got better or worse leads the list.
 *
 * @throws Error when `a` or `b` does not have one value per class.
 */
export function diffPerClass(
  classNames: string[],
  a: number[],
  b: number[],
): { name: string; from: number; to: number; delta: number }[] {
  if (a.length !== classNames.length || b.length !== classNames.length) {
    throw new Error(
      `Per-class results need one value per class: ${classNames.length} classes, ${a.length} and ${b.length} values`,
    );
  }
  return classNames
    .map((name, c) => ({ name, from: a[c]!, to: b[c]!, delta: b[c]! - a[c]! }))
    .sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta));
}
