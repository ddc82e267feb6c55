import { layerDefinition } from '../../model/layers';
import { nodeName } from '../../model/problems';
import type { ModelSpec } from '../../shared/model-spec';
import type { SweepTarget } from '../../shared/sweep';

/** One choice in the sweep form's list of things to vary. */
export interface TargetOption {
  /** A stable key for the form's select. */
  key: string;
  label: string;
  target: SweepTarget;
}

const SETTINGS: TargetOption[] = [
  {
    key: 'learningRate',
    label: 'Learning rate',
    target: { kind: 'setting', field: 'learningRate' },
  },
  { key: 'batchSize', label: 'Batch size', target: { kind: 'setting', field: 'batchSize' } },
  { key: 'momentum', label: 'Momentum (SGD)', target: { kind: 'setting', field: 'momentum' } },
];

/**
 * What a sweep can vary: the main training settings, then every numeric setting of every layer
 * of the network ("dense1: Units", "dropout: Rate").
 */
export function sweepTargets(spec: ModelSpec): TargetOption[] {
  const layers = spec.nodes.flatMap((node) =>
    node.kind === 'input' || node.kind === 'pretrainedBase'
      ? []
      : layerDefinition(node.kind)
          .fields.filter((field) => field.type === 'int' || field.type === 'number')
          .map((field) => ({
            key: `${node.id}:${field.key}`,
            label: `${nodeName(node)}: ${field.label}`,
            target: { kind: 'layer' as const, layerId: node.id, field: field.key },
          })),
  );
  return [...SETTINGS, ...layers];
}

/** Where a swept value sits on a chart's x axis: learning rates spread by their exponent. */
export function axisValue(target: SweepTarget, value: number): number {
  return target.kind === 'setting' && target.field === 'learningRate' ? Math.log10(value) : value;
}
