import { useId, useState } from 'react';
import { parseNumber } from './field-check';

interface Props {
  label: string;
  value: number;
  /** Called with every number typed, so shapes and counts follow the keystrokes. */
  onValue: (value: number) => void;
  /** Why a typed value is unusable (undefined when it is not a number at all). */
  check: (value: number | undefined) => string | undefined;
  testId: string;
  /** Labels the input from a visible element instead of its own label. */
  hideLabel?: boolean;
}

/**
 * A labelled number input that keeps the user's text ("0.", "1e-") while it is typed, says
 * beside itself what is wrong with it, and takes the spec's value again when that changes
 * from elsewhere (undo, a fix).
 */
export function DraftNumberInput({ label, value, onValue, check, testId, hideLabel }: Props) {
  const id = useId();
  const [draft, setDraft] = useState(String(value));
  const [shown, setShown] = useState(value);
  // Adjusting state during render is React's way to follow a prop without an effect.
  if (!Object.is(shown, value)) {
    setShown(value);
    if (parseNumber(draft) !== value) setDraft(String(value));
  }
  const problem = check(parseNumber(draft));
  return (
    <span className="draft-number">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <input
        id={id}
        inputMode="decimal"
        data-testid={testId}
        value={draft}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(event) => {
          const text = event.target.value;
          setDraft(text);
          const parsed = parseNumber(text);
          if (parsed !== undefined) onValue(parsed);
        }}
      />
      {problem && (
        <span className="field-problem" id={`${id}-problem`} role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}
