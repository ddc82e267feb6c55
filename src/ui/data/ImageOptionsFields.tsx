import { useId } from 'react';
import type { AspectPolicy } from '../../shared/dataset';
import { ASPECT_LABELS } from '../../shared/dataset';
import type { ImageOptionsDraft } from './image-options-form';

interface Props {
  draft: ImageOptionsDraft;
  onChange: (draft: ImageOptionsDraft) => void;
  problem: string | null;
}

/** Target size, channels and aspect policy for the user's own images. */
export function ImageOptionsFields({ draft, onChange, problem }: Props) {
  const id = useId();
  return (
    <fieldset className="image-options">
      <legend>Image options</legend>
      <label htmlFor={`${id}-size`}>Size (pixels a side)</label>
      <input
        id={`${id}-size`}
        data-testid="image-size"
        inputMode="numeric"
        placeholder="Auto"
        value={draft.size}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(event) => onChange({ ...draft, size: event.target.value })}
      />
      <label htmlFor={`${id}-channels`}>Channels</label>
      <select
        id={`${id}-channels`}
        data-testid="image-channels"
        value={draft.channels}
        onChange={(event) =>
          onChange({ ...draft, channels: event.target.value as ImageOptionsDraft['channels'] })
        }
      >
        <option value="auto">Auto</option>
        <option value="1">Gray</option>
        <option value="3">Colour</option>
      </select>
      <label htmlFor={`${id}-aspect`}>Other shapes</label>
      <select
        id={`${id}-aspect`}
        data-testid="image-aspect"
        value={draft.aspect}
        onChange={(event) => onChange({ ...draft, aspect: event.target.value as AspectPolicy })}
      >
        {(Object.keys(ASPECT_LABELS) as AspectPolicy[]).map((aspect) => (
          <option key={aspect} value={aspect}>
            {ASPECT_LABELS[aspect]}
          </option>
        ))}
      </select>
      {problem && (
        <p className="field-problem" id={`${id}-problem`} role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
