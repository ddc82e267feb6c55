import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DatasetSummary } from '../../shared/dataset';
import { selectDataset } from '../store/selectors';
import { useStudio } from '../store/studio-store';
import { DrawingPad } from './DrawingPad';
import { recall, remember } from './playground-memory';
import { ImageDrop } from './ImageDrop';
import { InputPreview } from './InputPreview';
import { PlaygroundFeatureMaps } from './PlaygroundFeatureMaps';
import { PlaygroundSaliency } from './PlaygroundSaliency';
import { ProbabilityBars } from './ProbabilityBars';
import { WebcamCapture } from './WebcamCapture';
import { decodeImageFile } from './image-source';
import type { RgbaImage } from './preprocess';
import { invert, toInputPixels } from './preprocess';
import { usePrediction } from './use-prediction';

type Mode = 'draw' | 'image' | 'camera';
const MODE_LABELS: Record<Mode, string> = { draw: 'Draw', image: 'Image', camera: 'Camera' };

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA'].includes(target.tagName))
  );
}

function PlaygroundBody({ summary, datasetKey }: { summary: DatasetSummary; datasetKey: string }) {
  const shape = summary.inputShape;
  const grayscale = shape[2] === 1;
  const modes: Mode[] = grayscale ? ['draw', 'image', 'camera'] : ['image', 'camera'];
  const [remembered] = useState(() => recall(datasetKey));
  const [mode, setMode] = useState<Mode>(remembered?.mode ?? modes[0] ?? 'image');
  const [raw, setRaw] = useState<Uint8Array | null>(remembered?.raw ?? null);
  const [pad, setPad] = useState<ImageData | null>(remembered?.pad ?? null);

  useEffect(() => {
    // The camera is not restarted on its own: its last frame is kept, the stream is not.
    remember({ datasetKey, mode, raw, pad });
  }, [datasetKey, mode, raw, pad]);
  const [problem, setProblem] = useState<string | null>(null);
  const [inverted, setInverted] = useState(false);

  // Photos of digits are dark ink on a light page; MNIST is light ink on black.
  const pixels = useMemo(
    () => (raw && inverted && mode !== 'draw' ? invert(raw) : raw),
    [raw, inverted, mode],
  );
  const prediction = usePrediction(pixels);

  const choose = (next: Mode) => {
    setMode(next);
    setRaw(null);
    setPad(null);
    setProblem(null);
  };

  const takeImage = useCallback(
    (image: RgbaImage) => {
      setProblem(null);
      setRaw(toInputPixels(image, shape));
    },
    [shape],
  );

  const openFile = useCallback(
    (file: File) => {
      setMode('image');
      decodeImageFile(file).then(takeImage, (error: unknown) => {
        setRaw(null);
        setProblem(error instanceof Error ? error.message : String(error));
      });
    },
    [takeImage],
  );

  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      if (isTyping(event.target)) return;
      const file = Array.from(event.clipboardData?.files ?? []).find((f) =>
        f.type.startsWith('image/'),
      );
      if (!file) return;
      event.preventDefault();
      openFile(file);
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, [openFile]);

  return (
    <div className="playground-body">
      <div className="playground-input">
        <div className="playground-modes" role="group" aria-label="Input">
          {modes.map((m) => (
            <button
              key={m}
              type="button"
              aria-pressed={mode === m}
              data-testid={`playground-mode-${m}`}
              onClick={() => choose(m)}
            >
              {MODE_LABELS[m]}
            </button>
          ))}
        </div>
        {mode === 'draw' && (
          <DrawingPad
            shape={shape}
            initial={pad}
            onChange={(pixels, image) => {
              setPad(image);
              setRaw(pixels);
            }}
          />
        )}
        {mode === 'image' && <ImageDrop onFile={openFile} />}
        {mode === 'camera' && <WebcamCapture shape={shape} onFrame={takeImage} />}
        {grayscale && mode !== 'draw' && (
          <label className="playground-invert">
            <input
              type="checkbox"
              checked={inverted}
              onChange={(event) => setInverted(event.currentTarget.checked)}
            />{' '}
            Invert (dark ink on a light page)
          </label>
        )}
        {problem && (
          <p className="message error" role="alert" data-testid="playground-error">
            {problem}
          </p>
        )}
      </div>
      <div className="playground-output" aria-live="polite">
        {pixels && <InputPreview pixels={pixels} shape={shape} />}
        {!pixels && (
          <p className="hint">
            {mode === 'draw'
              ? 'Draw a digit on the pad to see what the network predicts.'
              : mode === 'image'
                ? 'Drop, paste or choose an image to see what the network predicts.'
                : 'Start the camera and predict from a snapshot or live.'}
          </p>
        )}
        {pixels && prediction.error && (
          <p className="message" role="status" data-testid="playground-message">
            {prediction.error}
          </p>
        )}
        {pixels && prediction.probabilities && (
          <>
            <ProbabilityBars
              probabilities={prediction.probabilities}
              classNames={summary.classNames}
            />
            <PlaygroundSaliency pixels={pixels} shape={shape} classNames={summary.classNames} />
            <PlaygroundFeatureMaps pixels={pixels} />
          </>
        )}
      </div>
    </div>
  );
}

/** Draw, drop, paste or film an input and see the network's top classes for it. */
export function Playground() {
  const dataset = useStudio(selectDataset);
  const datasetKey = dataset
    ? `${dataset.summary.name} ${dataset.summary.inputShape.join('×')}`
    : '';
  return (
    <div className="playground" data-testid="playground">
      {dataset ? (
        <PlaygroundBody key={datasetKey} datasetKey={datasetKey} summary={dataset.summary} />
      ) : (
        <p className="hint">The playground opens once the dataset has loaded.</p>
      )}
    </div>
  );
}
