/**
 * Sweep planning: try a setting (or a layer's size) at a few values, each combination its own
 * short run, so a student sees its effect side by side instead of guessing.
 */
import type { LayerNode, ModelSpec } from './model-spec';
import type { TrainSettings } from './train-settings';

export type SweepSetting = 'learningRate' | 'batchSize' | 'epochs' | 'momentum';

/** What a sweep varies: a training setting, or a numeric config field of one layer. */
export type SweepTarget =
  { kind: 'setting'; field: SweepSetting } | { kind: 'layer'; layerId: string; field: string };

export interface SweepAxis {
  target: SweepTarget;
  values: number[];
}

export interface SweepPlanRun {
  index: number;
  values: { target: SweepTarget; value: number }[];
  epochs: number;
  /** In words, e.g. "learning rate 0.01, dense1 units 64". */
  label: string;
}

/** More runs than this take too long in a browser and crowd the comparison chart. */
export const MAX_SWEEP_RUNS = 25;

const SETTING_NAMES: Record<SweepSetting, string> = {
  learningRate: 'learning rate',
  batchSize: 'batch size',
  epochs: 'epochs',
  momentum: 'momentum',
};

/** The target in words: "learning rate", or the layer id and field, "dense1 units". */
export function targetName(target: SweepTarget): string {
  return target.kind === 'setting'
    ? SETTING_NAMES[target.field]
    : `${target.layerId} ${target.field}`;
}

const sameTarget = (a: SweepTarget, b: SweepTarget) => targetName(a) === targetName(b);

function checkAxes(axes: SweepAxis[]): void {
  if (axes.length === 0 || axes.length > 2) {
    throw new Error(`A sweep varies one or two things at a time, not ${axes.length}.`);
  }
  const empty = axes.find((axis) => axis.values.length === 0);
  if (empty) throw new Error(`Give at least one value for ${targetName(empty.target)}.`);
  if (axes.length === 2 && sameTarget(axes[0]!.target, axes[1]!.target)) {
    throw new Error(`Both axes vary ${targetName(axes[0]!.target)}; pick two different things.`);
  }
  const runs = axes.reduce((product, axis) => product * axis.values.length, 1);
  if (runs > MAX_SWEEP_RUNS) {
    throw new Error(
      `That is ${runs} runs; a sweep can have at most ${MAX_SWEEP_RUNS}, so use fewer values.`,
    );
  }
}

/**
 * Every combination of the axes' values, the first axis outermost. The epoch budget is shared
 * out evenly (at least 1 epoch a run) so a sweep takes about as long as one run of `epochBudget`
 * epochs; when epochs is itself an axis, each run trains for its own value instead.
 *
 * @throws Error, in words a student can act on, for 0 or more than 2 axes, an axis without
 *   values, two axes on the same target, or more than `MAX_SWEEP_RUNS` runs.
 */
export function planSweep(axes: SweepAxis[], epochBudget: number): SweepPlanRun[] {
  checkAxes(axes);
  const combinations = axes.reduce<SweepPlanRun['values'][]>(
    (partial, axis) =>
      partial.flatMap((values) =>
        axis.values.map((value) => [...values, { target: axis.target, value }]),
      ),
    [[]],
  );
  const shared = Math.max(1, Math.floor(epochBudget / combinations.length));
  return combinations.map((values, index) => {
    const swept = values.find(
      ({ target }) => target.kind === 'setting' && target.field === 'epochs',
    );
    return {
      index,
      values,
      epochs: swept ? swept.value : shared,
      label: values.map(({ target, value }) => `${targetName(target)} ${value}`).join(', '),
    };
  });
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Reads values typed as "0.1, 0.01, 1e-3" (commas, semicolons or spaces between them).
 * Returns the numbers, or a message for the student when the text is empty, holds something
 * that is not a number, or repeats a value (1e-2 and 0.01 count as the same).
 */
export function parseSweepValues(text: string): number[] | string {
  const tokens = text.split(/[\s,;]+/).filter((token) => token !== '');
  if (tokens.length === 0) return 'Enter at least one value, separated by commas.';
  const values: number[] = [];
  for (const token of tokens) {
    if (!NUMBER.test(token)) return `“${token}” is not a number.`;
    const value = Number(token);
    if (values.includes(value)) return `${value} is listed twice.`;
    values.push(value);
  }
  return values;
}

/** `node` with `field` of its config set to `value`, after checking it is a numeric field. */
function withConfigValue(node: LayerNode, field: string, value: number): LayerNode {
  const config = node.config as Record<string, unknown>;
  if (typeof config[field] !== 'number') {
    throw new Error(`Layer '${node.id}' has no numeric setting '${field}' to sweep.`);
  }
  return { ...node, config: { ...config, [field]: value } } as LayerNode;
}

/**
 * The network and settings for one run of a sweep. Returns new objects and leaves the inputs
 * alone; untouched layers, wires and nested settings are shared with them, not copied.
 *
 * @throws Error when a layer target names a layer or numeric field the spec does not have.
 */
export function applySweepValues(
  spec: ModelSpec,
  settings: TrainSettings,
  values: SweepPlanRun['values'],
): { spec: ModelSpec; settings: TrainSettings } {
  let nodes = spec.nodes;
  const next = { ...settings };
  for (const { target, value } of values) {
    if (target.kind === 'setting') {
      next[target.field] = value;
      continue;
    }
    if (!nodes.some((node) => node.id === target.layerId)) {
      throw new Error(`The network has no layer '${target.layerId}' any more.`);
    }
    nodes = nodes.map((node) =>
      node.id === target.layerId ? withConfigValue(node, target.field, value) : node,
    );
  }
  return { spec: { ...spec, nodes }, settings: next };
}
