import { useState } from 'react';

interface Props {
  index: number;
  name: string;
  disabled: boolean;
  onStart: () => void;
  onStop: () => void;
}

/** A button that records while pressed: pointer held down, or Space held on the keyboard. */
export function HoldToRecord({ index, name, disabled, onStart, onStop }: Props) {
  const [held, setHeld] = useState(false);
  const begin = () => {
    if (held || disabled) return;
    setHeld(true);
    onStart();
  };
  const end = () => {
    if (!held) return;
    setHeld(false);
    onStop();
  };
  return (
    <button
      type="button"
      className={held ? 'hold-button recording' : 'hold-button'}
      data-testid={`webcam-record-${index}`}
      aria-pressed={held}
      aria-label={`Hold to record ${name}`}
      disabled={disabled}
      onPointerDown={(event) => {
        // Keeps the release coming here even if the pointer slides off the button.
        event.currentTarget.setPointerCapture?.(event.pointerId);
        begin();
      }}
      onPointerUp={end}
      onPointerCancel={end}
      onLostPointerCapture={end}
      onKeyDown={(event) => {
        if (event.key !== ' ') return;
        event.preventDefault();
        if (!event.repeat) begin();
      }}
      onKeyUp={(event) => {
        if (event.key !== ' ') return;
        event.preventDefault();
        end();
      }}
      onBlur={end}
    >
      {held ? 'Recording…' : 'Hold to record'}
    </button>
  );
}
