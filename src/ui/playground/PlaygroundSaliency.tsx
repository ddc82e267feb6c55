import { useMemo, useState } from 'react';
import type { ImageRef, InsightResult, SaliencyMethod } from '../../shared/insights';
import type { InsightQuestion } from '../insights/insight-client';
import { METHOD_LABELS } from '../insights/PinnedSaliency';
import { exampleToRgba } from '../insights/pixels';
import { SaliencyOverlay } from '../insights/SaliencyOverlay';
import type { InputShape } from './preprocess';
import { useAskAboutPixels } from './use-prediction';

type Saliency = Extract<InsightResult, { kind: 'saliency' }>;

/** Which pixels of the playground's input drove the predicted class, in heat colours. */
export function PlaygroundSaliency({
  pixels,
  shape,
  classNames,
}: {
  pixels: Uint8Array;
  shape: InputShape;
  classNames: readonly string[];
}) {
  const [method, setMethod] = useState<SaliencyMethod>('gradcam');
  const question = useMemo(
    () =>
      (image: ImageRef): InsightQuestion => ({ kind: 'saliency', images: [image], method }),
    [method],
  );
  // Saliency costs a backward pass: asked less eagerly than the prediction.
  const { result: answer, error } = useAskAboutPixels<Saliency>(pixels, question, 300);
  const result = answer?.maps[0];
  const base = useMemo(
    () => exampleToRgba(pixels, [shape[0], shape[1], shape[2]]),
    [pixels, shape],
  );
  const [mapHeight = 0, mapWidth = 0] = result?.map.shape ?? [];
  const predicted = result ? (classNames[result.classIndex] ?? String(result.classIndex)) : '';
  return (
    <div className="playground-saliency">
      <label>
        What it looked at{' '}
        <select
          value={method}
          data-testid="playground-saliency-method"
          onChange={(event) => setMethod(event.currentTarget.value as SaliencyMethod)}
        >
          {(Object.keys(METHOD_LABELS) as SaliencyMethod[]).map((m) => (
            <option key={m} value={m}>
              {METHOD_LABELS[m]}
            </option>
          ))}
        </select>
      </label>
      {result && (
        <SaliencyOverlay
          base={base}
          map={result.map.data}
          mapHeight={mapHeight}
          mapWidth={mapWidth}
          opacity={0.55}
          scale={84 / shape[1]}
          label={`${METHOD_LABELS[method]} for “${predicted}”: the brighter, the more that pixel mattered`}
          testId="playground-saliency"
        />
      )}
      {!result && error && <p className="hint">{error}</p>}
    </div>
  );
}
