import { useState } from 'react';
import { selectDatasetSummary } from '../store/selectors';
import { useStudio } from '../store/studio-store';
import { send } from '../engine-client';
import { FilesSource } from './FilesSource';
import { ImageOptionsFields } from './ImageOptionsFields';
import { DEFAULT_IMAGE_DRAFT, imageOptionsOf } from './image-options-form';
import { ShapesSource } from './ShapesSource';
import { UrlSource } from './UrlSource';

/** Side of the square colour images a webcam dataset starts with. */
const WEBCAM_SIZE = 64;

type OptionsId = 'shapes' | 'files' | 'url';

const OPTION_LABELS: Record<OptionsId, string> = {
  shapes: 'Colour shapes',
  files: 'Your images',
  url: 'Download',
};

/**
 * Where the next dataset comes from. MNIST and the webcam load at once; the other sources open
 * their options first. The panels stay mounted while closed so what was typed is kept.
 */
export function SourceBar() {
  const [open, setOpen] = useState<OptionsId | null>(null);
  const [imageDraft, setImageDraft] = useState(DEFAULT_IMAGE_DRAFT);
  const source = useStudio(selectDatasetSummary)?.source;
  const options = imageOptionsOf(imageDraft);
  const image = 'problem' in options ? null : options;

  const toggle = (id: OptionsId) => setOpen((current) => (current === id ? null : id));
  const optionsButton = (id: OptionsId) => (
    <button
      type="button"
      data-testid={`source-${id}`}
      aria-expanded={open === id}
      aria-controls={`source-options-${id}`}
      onClick={() => toggle(id)}
    >
      {OPTION_LABELS[id]}
    </button>
  );

  return (
    <section className="source-bar" aria-label="Load a dataset">
      <div className="source-buttons" role="group" aria-label="Dataset sources">
        <button
          type="button"
          data-testid="source-mnist"
          aria-pressed={source === 'sample'}
          onClick={() => {
            setOpen(null);
            send({ type: 'loadDataset', source: { kind: 'sample', id: 'mnist' } });
          }}
        >
          MNIST digits
        </button>
        {optionsButton('shapes')}
        {optionsButton('files')}
        {optionsButton('url')}
        <button
          type="button"
          data-testid="source-webcam"
          aria-pressed={source === 'webcam'}
          onClick={() => {
            setOpen(null);
            // Already capturing: keep the classes recorded so far.
            if (source !== 'webcam') {
              send({ type: 'loadDataset', source: { kind: 'webcam', size: WEBCAM_SIZE } });
            }
          }}
        >
          Capture from webcam
        </button>
      </div>
      <div id="source-options-shapes" hidden={open !== 'shapes'}>
        <ShapesSource />
      </div>
      <div id="source-options-files" hidden={open !== 'files'}>
        <FilesSource image={image} />
        <ImageOptionsFields
          draft={imageDraft}
          onChange={setImageDraft}
          problem={'problem' in options ? options.problem : null}
        />
      </div>
      <div id="source-options-url" hidden={open !== 'url'}>
        <UrlSource image={image} />
      </div>
    </section>
  );
}
