import { useId } from 'react';
import type { FieldSpec } from '../../model/layers/types';
import type { LayerNode, Regularizer } from '../../shared/model-spec';
import { useStudio } from '../store/studio-store';
import { DraftNumberInput } from './DraftNumberInput';
import { rangeProblem } from './field-check';

interface Props {
  layer: LayerNode;
  field: FieldSpec;
  /** Analysis problems about this field, shown beside it. */
  problems: string[];
}

/** Applies one config change; keystrokes in one field fold into one undo step. */
function update(layer: LayerNode, key: string, value: unknown): void {
  useStudio.getState().edit([{ type: 'updateConfig', id: layer.id, config: { [key]: value } }], {
    mergeKey: `config:${layer.id}:${key}`,
  });
}

const positiveInteger = (label: string) => (value: number | undefined) =>
  value === undefined || !Number.isInteger(value) || value < 1
    ? `${label} must be a whole number of at least 1.`
    : undefined;

const nonNegative = (label: string) => (value: number | undefined) =>
  value === undefined || value < 0 ? `${label} must be a number, 0 or more.` : undefined;

/** One inspector input, generated from the layer definition's field spec. */
export function ConfigField({ layer, field, problems }: Props) {
  const id = useId();
  const config = layer.config as Record<string, unknown>;
  const value = config[field.key];
  const testId = `field-${field.key}`;
  let control;
  switch (field.type) {
    case 'int':
    case 'number':
      control = (
        <DraftNumberInput
          label={field.label}
          value={typeof value === 'number' ? value : Number.NaN}
          onValue={(next) => update(layer, field.key, next)}
          check={(next) => rangeProblem(field, next)}
          testId={testId}
        />
      );
      break;
    case 'select':
      control = (
        <>
          <label htmlFor={id}>{field.label}</label>
          <select
            id={id}
            data-testid={testId}
            value={String(value)}
            onChange={(event) => update(layer, field.key, event.target.value)}
          >
            {field.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </>
      );
      break;
    case 'boolean':
      control = (
        <>
          <label htmlFor={id}>{field.label}</label>
          <input
            id={id}
            type="checkbox"
            data-testid={testId}
            checked={value === true}
            onChange={(event) => update(layer, field.key, event.target.checked)}
          />
        </>
      );
      break;
    case 'shape': {
      const shape = (Array.isArray(value) ? value : [0, 0, 0]) as [number, number, number];
      control = (
        <fieldset className="field-group">
          <legend>{field.label}</legend>
          {(['Height', 'Width', 'Channels'] as const).map((axis, i) => (
            <DraftNumberInput
              key={axis}
              label={axis}
              value={shape[i] ?? 0}
              onValue={(next) =>
                update(
                  layer,
                  field.key,
                  shape.map((dim, j) => (j === i ? next : dim)),
                )
              }
              check={positiveInteger(axis)}
              testId={`${testId}-${i}`}
            />
          ))}
        </fieldset>
      );
      break;
    }
    case 'regularizer': {
      const regularizer = (value ?? { l1: 0, l2: 0 }) as Regularizer;
      control = (
        <fieldset className="field-group">
          <legend>{field.label}</legend>
          {(['l1', 'l2'] as const).map((norm) => (
            <DraftNumberInput
              key={norm}
              label={norm.toUpperCase()}
              value={regularizer[norm]}
              onValue={(next) => update(layer, field.key, { ...regularizer, [norm]: next })}
              check={nonNegative(norm.toUpperCase())}
              testId={`${testId}-${norm}`}
            />
          ))}
        </fieldset>
      );
      break;
    }
  }
  return (
    <div className="inspector-field">
      {control}
      {field.help && <span className="field-help">{field.help}</span>}
      {problems.map((message) => (
        <span key={message} className="field-problem" role="alert">
          {message}
        </span>
      ))}
    </div>
  );
}
