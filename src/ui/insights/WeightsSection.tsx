import { useMemo } from 'react';
import type { InsightResult } from '../../shared/insights';
import { HistogramChart } from './HistogramChart';
import { filterToRgba } from './pixels';
import { RgbaCanvas } from './RgbaCanvas';
import { useInView } from './use-in-view';
import { useInsight } from './use-insight';

type Weights = Extract<InsightResult, { kind: 'weights' }>;

/** Above this share of dead units, a ReLU layer gets a plain-words hint. */
const DEAD_RELU_WARNING = 0.5;

const QUESTION = { kind: 'weights' } as const;

/** First-layer filters, weight and gradient histograms, and dead ReLUs per layer, while on screen. */
export function WeightsSection(props: { token: unknown; epoch: number; watch: boolean }) {
  const { token, epoch, watch } = props;
  const [ref, inView] = useInView<HTMLElement>(watch);
  const { result, error } = useInsight<Weights>('weights', QUESTION, token, epoch, inView);
  const filters = useMemo(() => {
    const kernel = result?.firstLayerFilters;
    if (!kernel) return [];
    const count = kernel.shape[3] ?? 0;
    return Array.from({ length: count }, (_, f) => filterToRgba(kernel.data, kernel.shape, f));
  }, [result]);
  const withRelu = result?.layers.filter((l) => l.deadReluFraction !== undefined) ?? [];
  return (
    <section ref={ref} className="insight-section" aria-labelledby="weights-heading">
      <div className="section-header">
        <h3 id="weights-heading">Weights</h3>
      </div>
      {error && <p className="message error">{error}</p>}
      {filters.length > 0 && (
        <>
          <h4>First-layer filters</h4>
          <div className="filter-grid" data-testid="first-layer-filters">
            {filters.map((image, f) => (
              <RgbaCanvas
                key={f}
                image={image}
                scale={6}
                label={`First-layer filter ${f + 1}, ${image.height}×${image.width}`}
              />
            ))}
          </div>
        </>
      )}
      {withRelu.length > 0 && (
        <table className="summary-table" data-testid="dead-relu">
          <caption>Dead ReLU units (output 0 for every probe example)</caption>
          <thead>
            <tr>
              <th scope="col">Layer</th>
              <th scope="col">Dead</th>
            </tr>
          </thead>
          <tbody>
            {withRelu.map((l) => {
              const dead = l.deadReluFraction ?? 0;
              return (
                <tr key={l.layerId}>
                  <th scope="row">{l.name}</th>
                  <td className="number">
                    {(dead * 100).toFixed(0)}%
                    {dead > DEAD_RELU_WARNING && (
                      <span className="dead-hint" role="note">
                        {' '}
                        More than half of this layer's units never fire: lower the learning rate or
                        use LeakyReLU.
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="histograms">
        {result?.layers.map((l) => (
          <div key={l.layerId} className="histogram-pair">
            <h4>{l.name}</h4>
            <HistogramChart histogram={l.weights} label={`Weights of ${l.name}`} />
            {l.gradients && (
              <HistogramChart histogram={l.gradients} label={`Gradients of ${l.name}`} />
            )}
          </div>
        ))}
      </div>
    </section>
  );
}
