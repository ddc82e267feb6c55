import { useMemo, useState } from 'react';
import type { InsightResult } from '../../shared/insights';
import type { PinnedImage } from '../store/insights-slice';
import { selectPinned, selectSpec } from '../store/selectors';
import { useStudio } from '../store/studio-store';
import { convLayers, denseLayers } from './conv-layers';
import { LayerOutput } from './LayerOutput';
import { useInsight } from './use-insight';

type FeatureMaps = Extract<InsightResult, { kind: 'featureMaps' }>;

interface Props {
  token: unknown;
  epoch: number;
}

function PinnedFeatureMaps(props: {
  slot: number;
  image: PinnedImage;
  layerIds: string[] | undefined;
  token: unknown;
  epoch: number;
}) {
  const { slot, image, layerIds, token, epoch } = props;
  const question = useMemo(
    () =>
      ({
        kind: 'featureMaps',
        image: { source: 'split', split: image.split, index: image.index },
        ...(layerIds ? { layerIds } : {}),
      }) as const,
    [image, layerIds],
  );
  const { result, error, tag } = useInsight<FeatureMaps>(
    `featureMaps:${slot}`,
    question,
    token,
    epoch,
  );
  return (
    <div className="pinned-maps" data-testid="feature-maps-image" data-epoch={tag ?? ''}>
      <h4>
        {image.split} example {image.index}
      </h4>
      {error && <p className="message error">{error}</p>}
      {result?.layers.map((layer) => (
        <LayerOutput
          key={layer.layerId}
          layerId={layer.layerId}
          name={layer.name}
          output={layer.output}
        />
      ))}
    </div>
  );
}

/** What each layer sees of the pinned images, refreshed at every epoch end. */
export function FeatureMapsSection({ token, epoch }: Props) {
  const spec = useStudio(selectSpec);
  const pinned = useStudio(selectPinned);
  const convs = useMemo(() => convLayers(spec), [spec]);
  const denses = useMemo(() => denseLayers(spec), [spec]);
  const [layer, setLayer] = useState('');
  const layerIds = useMemo(() => (layer === '' ? undefined : [layer]), [layer]);
  return (
    <section className="insight-section" aria-labelledby="feature-maps-heading">
      <div className="section-header">
        <h3 id="feature-maps-heading">Feature maps</h3>
        <label>
          Layer{' '}
          <select
            value={layer}
            onChange={(e) => setLayer(e.target.value)}
            data-testid="feature-layer"
          >
            <option value="">all conv layers</option>
            {convs.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
            {denses.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name} (dense)
              </option>
            ))}
          </select>
        </label>
      </div>
      {pinned.length === 0 && <p className="hint">Pin an image to see its feature maps.</p>}
      <div className="feature-maps" data-testid="feature-maps">
        {pinned.map((image, slot) => (
          <PinnedFeatureMaps
            key={`${image.split}:${image.index}`}
            slot={slot}
            image={image}
            layerIds={layerIds}
            token={token}
            epoch={epoch}
          />
        ))}
      </div>
    </section>
  );
}
