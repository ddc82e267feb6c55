import { useId, useState } from 'react';

interface Props {
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
  problem?: string | undefined;
  /** Something to know about a usable value, shown while there is no problem. */
  note?: string | null | undefined;
  disabled?: boolean;
  /** Allows an empty field, meaning null. */
  optional?: boolean;
  placeholder?: string;
  testId: string;
}

/**
 * A number input that keeps what the user typed ("1e-3", "0.") while reporting the parsed
 * value, so typing is never fought by reformatting.
 */
export function NumberField({
  label,
  value,
  onChange,
  problem,
  note,
  disabled,
  optional,
  placeholder,
  testId,
}: Props) {
  const id = useId();
  const remark = problem ? undefined : (note ?? undefined);
  const [draft, setDraft] = useState(value === null ? '' : String(value));
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        data-testid={testId}
        inputMode="decimal"
        value={draft}
        placeholder={placeholder}
        disabled={disabled}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : remark ? `${id}-note` : undefined}
        onChange={(event) => {
          const text = event.target.value;
          setDraft(text);
          onChange(
            optional && text.trim() === '' ? null : text.trim() === '' ? Number.NaN : Number(text),
          );
        }}
      />
      {problem && (
        <span className="field-problem" id={`${id}-problem`} role="alert">
          {problem}
        </span>
      )}
      {remark && (
        <span className="field-note" id={`${id}-note`} data-testid={`${testId}-note`}>
          {remark}
        </span>
      )}
    </div>
  );
}
