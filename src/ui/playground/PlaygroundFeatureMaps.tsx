import { useMemo } from 'react';
import type { ImageRef, InsightResult } from '../../shared/insights';
import type { InsightQuestion } from '../insights/insight-client';
import { convLayers } from '../insights/conv-layers';
import { LayerOutput } from '../insights/LayerOutput';
import { selectSpec } from '../store/selectors';
import { useStudio } from '../store/studio-store';
import { useAskAboutPixels } from './use-prediction';

type FeatureMaps = Extract<InsightResult, { kind: 'featureMaps' }>;

/** What the network's first convolution sees of the playground's input. */
export function PlaygroundFeatureMaps({ pixels }: { pixels: Uint8Array }) {
  const spec = useStudio(selectSpec);
  const first = convLayers(spec)[0]?.id;
  const question = useMemo(
    () =>
      first
        ? (image: ImageRef): InsightQuestion => ({
            kind: 'featureMaps',
            images: [image],
            layerIds: [first],
          })
        : null,
    [first],
  );
  // A forward pass per layer output: asked less eagerly than the prediction.
  const { result, error } = useAskAboutPixels<FeatureMaps>(pixels, question, 300);
  if (!first) return null;
  return (
    <div className="playground-feature-maps" data-testid="playground-feature-maps">
      <h3>What the first convolution sees</h3>
      {result?.images[0]?.layers.map((layer) => (
        <LayerOutput
          key={layer.layerId}
          layerId={layer.layerId}
          name={layer.name}
          output={layer.output}
        />
      ))}
      {!result && error && <p className="hint">{error}</p>}
    </div>
  );
}
