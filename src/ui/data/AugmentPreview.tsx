import { useEffect, useMemo, useState } from 'react';
import type { DatasetSummary } from '../../shared/dataset';
import { selectSettings } from '../store/selectors';
import { useStudio } from '../store/studio-store';
import { askData } from './data-client';
import { PixelsCanvas } from './PixelsCanvas';
import { stripOf } from './strip';

/** Examples in the strip. */
const COUNT = 8;
/** Wait this long after the last change of a strength before asking: sliders move in steps. */
const DEBOUNCE_MS = 300;
const STRIP_WIDTH = 560;

interface Batch {
  original: Uint8Array;
  augmented: Uint8Array;
  count: number;
  /** The image shape the batch was drawn with: the dataset may change before it is shown. */
  shape: [number, number, number];
}

/**
 * Eight training examples as they are and as training would see them with the current
 * augmentation. The seed changes only on "Another batch", so moving a slider shows the same
 * images with the same random draws, changed only by the strength.
 */
export function AugmentPreview({ summary }: { summary: DatasetSummary }) {
  const augmentation = useStudio(selectSettings).augmentation;
  const [seed, setSeed] = useState(1);
  const [batch, setBatch] = useState<Batch | null>(null);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(augmentation);
  const shapeKey = summary.inputShape.join('x');

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      const shape = shapeKey.split('x').map(Number) as [number, number, number];
      askData({
        kind: 'augmentPreview',
        augmentation: JSON.parse(key) as typeof augmentation,
        count: COUNT,
        seed,
      }).then(
        (result) => {
          if (!live) return;
          setError(null);
          setBatch({ ...result, shape });
          setVersion((v) => v + 1);
        },
        (e: unknown) => {
          if (!live) return;
          setError(e instanceof Error ? e.message : String(e));
          setBatch(null);
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, seed, shapeKey, summary.fingerprint]);

  const shape = batch?.shape ?? summary.inputShape;
  const strips = useMemo(
    () =>
      batch && {
        original: stripOf(batch.original, batch.shape, batch.count),
        augmented: stripOf(batch.augmented, batch.shape, batch.count),
      },
    [batch],
  );
  const width = shape[1] * (batch?.count ?? COUNT);
  const scale = Math.max(1, Math.floor(STRIP_WIDTH / width));
  return (
    <section className="augment-preview" data-testid="augment-preview" data-version={version}>
      <h4>Preview: originals above, augmented below</h4>
      {error && (
        <p className="message error" role="alert">
          {error}
        </p>
      )}
      <PixelsCanvas
        image={strips?.original ?? null}
        width={width}
        height={shape[0]}
        scale={scale}
        label="Eight training examples as they are"
        testId="augment-original"
        version={version}
      />
      <PixelsCanvas
        image={strips?.augmented ?? null}
        width={width}
        height={shape[0]}
        scale={scale}
        label="The same examples as augmented for training"
        testId="augment-augmented"
        version={version}
      />
      <button type="button" data-testid="augment-another" onClick={() => setSeed((s) => s + 1)}>
        Another batch
      </button>
    </section>
  );
}
