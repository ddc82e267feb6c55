import type { SaliencyMethod } from '../../shared/insights';
import { ClassLabel } from '../ClassLabel';
import type { PinnedImage } from '../store/insights-slice';
import { argmax } from './confusion-cells';
import type { FoundMap } from './pinned-answers';
import { usePinnedPixels } from './PinnedThumb';
import { SaliencyOverlay } from './SaliencyOverlay';

export const METHOD_LABELS: Record<SaliencyMethod, string> = {
  vanilla: 'Vanilla gradient',
  smoothgrad: 'SmoothGrad',
  gradcam: 'Grad-CAM',
};

interface Props {
  image: PinnedImage;
  /** What the last answer found for this image, with the method it used; none yet. */
  found: FoundMap | undefined;
  /** The epoch the answer on screen was asked at. */
  tag: number | null;
  opacity: number;
  classNames: string[];
}

/** The saliency map of one pinned image over the image, with what the network predicted. */
export function PinnedSaliency({ image, found, tag, opacity, classNames }: Props) {
  const base = usePinnedPixels(image);
  const name = (k: number) => classNames[k] ?? String(k);
  const result = found?.map;
  const [top, p] = result ? argmax(result.probabilities) : [-1, 0];
  const [mh = 0, mw = 0] = result?.map.shape ?? [];
  return (
    <figure
      className="saliency-item"
      data-testid="saliency-item"
      data-epoch={found && tag !== null ? tag : ''}
    >
      {base && found && result && (
        <SaliencyOverlay
          base={base}
          map={result.map.data}
          mapHeight={mh}
          mapWidth={mw}
          opacity={opacity}
          scale={5}
          label={`${METHOD_LABELS[found.method]} of ${image.split} example ${image.index} for class ${name(result.classIndex)}`}
          testId="saliency-overlay"
        />
      )}
      <figcaption>
        {image.split} example {image.index}
        {result && (
          <>
            <br />
            predicted <ClassLabel name={name(top)} /> ({(p * 100).toFixed(1)}%), showing{' '}
            <ClassLabel name={name(result.classIndex)} />
          </>
        )}
      </figcaption>
    </figure>
  );
}
