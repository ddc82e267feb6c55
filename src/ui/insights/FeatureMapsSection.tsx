import { useMemo, useState } from 'react';
import type { ImageFeatureMaps, InsightResult } from '../../shared/insights';
import type { PinnedImage } from '../store/insights-slice';
import { selectPinned, selectSpec } from '../store/selectors';
import { useStudio } from '../store/studio-store';
import { convLayers, denseLayers } from './conv-layers';
import { LayerOutput } from './LayerOutput';
import { featureMapsFor, refsOf } from './pinned-answers';
import { useInView } from './use-in-view';
import { useInsight } from './use-insight';

type FeatureMaps = Extract<InsightResult, { kind: 'featureMaps' }>;

interface Props {
  token: unknown;
  epoch: number;
  /** Whether to watch if the section is on screen; off screen it asks nothing. */
  watch: boolean;
}

function PinnedFeatureMaps(props: {
  image: PinnedImage;
  maps: ImageFeatureMaps | undefined;
  tag: number | null;
}) {
  const { image, maps, tag } = props;
  return (
    <div
      className="pinned-maps"
      data-testid="feature-maps-image"
      data-epoch={maps ? (tag ?? '') : ''}
    >
      <h4>
        {image.split} example {image.index}
      </h4>
      {maps?.layers.map((layer) => (
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

/** What each layer sees of the pinned images, refreshed at every epoch end while on screen. */
export function FeatureMapsSection({ token, epoch, watch }: Props) {
  const spec = useStudio(selectSpec);
  const pinned = useStudio(selectPinned);
  const convs = useMemo(() => convLayers(spec), [spec]);
  const denses = useMemo(() => denseLayers(spec), [spec]);
  const [layer, setLayer] = useState('');
  const layerIds = useMemo(() => (layer === '' ? undefined : [layer]), [layer]);
  const [ref, inView] = useInView<HTMLElement>(watch);
  // One question for every pinned image: their maps come from one forward pass.
  const question = useMemo(
    () =>
      pinned.length === 0
        ? null
        : ({
            kind: 'featureMaps',
            images: refsOf(pinned),
            ...(layerIds ? { layerIds } : {}),
          } as const),
    [pinned, layerIds],
  );
  const { result, error, tag, answered } = useInsight<FeatureMaps>(
    'featureMaps',
    question,
    token,
    epoch,
    inView,
  );
  return (
    <section ref={ref} className="insight-section" aria-labelledby="feature-maps-heading">
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
      {error && <p className="message error">{error}</p>}
      <div className="feature-maps" data-testid="feature-maps">
        {pinned.map((image) => (
          <PinnedFeatureMaps
            key={`${image.split}:${image.index}`}
            image={image}
            maps={featureMapsFor(result, answered, image)}
            tag={tag}
          />
        ))}
      </div>
    </section>
  );
}
