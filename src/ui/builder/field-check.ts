import type { FieldSpec } from '../../model/layers/types';

type NumericField = Extract<FieldSpec, { type: 'int' | 'number' }>;

/** Parses what the user typed into a number field; undefined when it is not a number. */
export function parseNumber(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** Why `value` does not fit `field`'s declared range, in words; undefined when it fits. */
export function rangeProblem(field: NumericField, value: number | undefined): string | undefined {
  if (value === undefined) return `${field.label} must be a number.`;
  if (field.type === 'int' && !Number.isInteger(value)) {
    return `${field.label} must be a whole number.`;
  }
  const { min, max } = field;
  if (min !== undefined && max !== undefined && (value < min || value > max)) {
    return `${field.label} must be from ${min} to ${max}.`;
  }
  if (min !== undefined && value < min) return `${field.label} must be at least ${min}.`;
  if (max !== undefined && value > max) return `${field.label} must be at most ${max}.`;
  return undefined;
}

/**
 * The analysis problems that are about `field`, found by the field's label in the message
 * ("Kernel size must be…"), so they can be shown beside the input that causes them.
 */
export function problemsAbout(field: FieldSpec, problems: readonly string[]): string[] {
  const label = field.label.toLowerCase();
  return problems.filter((message) => message.toLowerCase().includes(label));
}
