import { useMemo } from 'react';
import type { InsightResult, SaliencyMethod } from '../../shared/insights';
import { ClassLabel } from '../ClassLabel';
import type { PinnedImage } from '../store/insights-slice';
import { argmax } from './confusion-cells';
import { usePinnedPixels } from './PinnedThumb';
import { SaliencyOverlay } from './SaliencyOverlay';
import { useInsight } from './use-insight';

type Saliency = Extract<InsightResult, { kind: 'saliency' }>;

export const METHOD_LABELS: Record<SaliencyMethod, string> = {
  vanilla: 'Vanilla gradient',
  smoothgrad: 'SmoothGrad',
  gradcam: 'Grad-CAM',
};

interface Props {
  slot: number;
  image: PinnedImage;
  method: SaliencyMethod;
  classIndex: number | undefined;
  layerId: string | undefined;
  opacity: number;
  classNames: string[];
  token: unknown;
  epoch: number;
}

/** The saliency map of one pinned image over the image, with what the network predicted. */
export function PinnedSaliency(props: Props) {
  const { slot, image, method, classIndex, layerId, token, epoch, classNames } = props;
  const base = usePinnedPixels(image);
  const question = useMemo(
    () =>
      ({
        kind: 'saliency',
        image: { source: 'split', split: image.split, index: image.index },
        method,
        ...(classIndex !== undefined ? { classIndex } : {}),
        ...(method === 'gradcam' && layerId ? { layerId } : {}),
      }) as const,
    [image, method, classIndex, layerId],
  );
  const { result, error, tag } = useInsight<Saliency>(`saliency:${slot}`, question, token, epoch);
  const name = (k: number) => classNames[k] ?? String(k);
  const [top, p] = result ? argmax(result.probabilities) : [-1, 0];
  const [mh = 0, mw = 0] = result?.map.shape ?? [];
  return (
    <figure className="saliency-item" data-testid="saliency-item" data-epoch={tag ?? ''}>
      {error && <p className="message error">{error}</p>}
      {base && result && (
        <SaliencyOverlay
          base={base}
          map={result.map.data}
          mapHeight={mh}
          mapWidth={mw}
          opacity={props.opacity}
          scale={5}
          label={`${METHOD_LABELS[result.method]} of ${image.split} example ${image.index} for class ${name(result.classIndex)}`}
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
