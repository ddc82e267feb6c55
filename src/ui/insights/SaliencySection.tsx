import { useMemo, useState } from 'react';
import type { InsightResult, SaliencyMethod } from '../../shared/insights';
import { selectPinned, selectSpec } from '../store/selectors';
import { useStudio } from '../store/studio-store';
import { convLayers } from './conv-layers';
import { Filmstrip } from './Filmstrip';
import { METHOD_LABELS, PinnedSaliency } from './PinnedSaliency';
import { mapFor, refsOf } from './pinned-answers';
import { useInView } from './use-in-view';
import { useInsight } from './use-insight';

type Saliency = Extract<InsightResult, { kind: 'saliency' }>;

interface Props {
  token: unknown;
  epoch: number;
  classNames: string[];
  /** Whether to watch if the section is on screen; off screen it asks nothing. */
  watch: boolean;
}

/**
 * Which pixels drove each pinned image's prediction (asked while on screen), and the Grad-CAM
 * filmstrip.
 */
export function SaliencySection({ token, epoch, classNames, watch }: Props) {
  const spec = useStudio(selectSpec);
  const pinned = useStudio(selectPinned);
  const convs = useMemo(() => convLayers(spec), [spec]);
  const [method, setMethod] = useState<SaliencyMethod>('gradcam');
  const [classChoice, setClassChoice] = useState('');
  const [layer, setLayer] = useState('');
  const [opacity, setOpacity] = useState(0.5);
  const classIndex = classChoice === '' ? undefined : Number(classChoice);
  const layerId = layer || undefined;
  // One question for every pinned image: Grad-CAM looks at them all in one pass.
  const question = useMemo(
    () =>
      pinned.length === 0
        ? null
        : ({
            kind: 'saliency',
            images: refsOf(pinned),
            method,
            ...(classIndex !== undefined ? { classIndex } : {}),
            ...(method === 'gradcam' && layerId ? { layerId } : {}),
          } as const),
    [pinned, method, classIndex, layerId],
  );
  const [ref, inView] = useInView<HTMLElement>(watch);
  const { result, error, tag, answered } = useInsight<Saliency>(
    'saliency',
    question,
    token,
    epoch,
    inView,
  );
  return (
    <section ref={ref} className="insight-section" aria-labelledby="saliency-heading">
      <div className="section-header">
        <h3 id="saliency-heading">Saliency</h3>
        <label>
          Method{' '}
          <select
            value={method}
            onChange={(e) => setMethod(e.target.value as SaliencyMethod)}
            data-testid="saliency-method"
          >
            {(Object.keys(METHOD_LABELS) as SaliencyMethod[]).map((m) => (
              <option key={m} value={m}>
                {METHOD_LABELS[m]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Class{' '}
          <select
            value={classChoice}
            onChange={(e) => setClassChoice(e.target.value)}
            data-testid="saliency-class"
          >
            <option value="">predicted</option>
            {classNames.map((name, k) => (
              <option key={k} value={k}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Grad-CAM layer{' '}
          <select
            value={layer}
            disabled={method !== 'gradcam'}
            onChange={(e) => setLayer(e.target.value)}
          >
            <option value="">last conv layer</option>
            {convs.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Opacity{' '}
          <input
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={opacity}
            onChange={(e) => setOpacity(Number(e.target.value))}
            data-testid="saliency-opacity"
          />
        </label>
      </div>
      {pinned.length === 0 && (
        <p className="hint">Pin an image to see what drives its prediction.</p>
      )}
      {error && <p className="message error">{error}</p>}
      <div className="saliency-grid">
        {pinned.map((image) => (
          <PinnedSaliency
            key={`${image.split}:${image.index}`}
            image={image}
            found={mapFor(result, answered, image)}
            tag={tag}
            opacity={opacity}
            classNames={classNames}
          />
        ))}
      </div>
      <Filmstrip opacity={opacity} classNames={classNames} />
    </section>
  );
}
