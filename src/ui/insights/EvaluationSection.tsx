import { useEffect, useMemo, useState } from 'react';
import type { InsightResult } from '../../shared/insights';
import { ClassLabel } from '../ClassLabel';
import { useStudio } from '../store/studio-store';
import { ClassMetricsTable } from './ClassMetricsTable';
import { cellIndices, firstOfClasses } from './confusion-cells';
import { ConfusionMatrix } from './ConfusionMatrix';
import type { GalleryItem } from './ExampleGallery';
import { ExampleGallery } from './ExampleGallery';
import { useInsight } from './use-insight';

type Evaluation = Extract<InsightResult, { kind: 'evaluation' }>;
type EvalSplit = Evaluation['split'];

/** How many misclassified examples are drawn at first. */
const MISCLASSIFIED_SHOWN = 24;

interface Props {
  token: unknown;
  epoch: number;
  classNames: string[];
  /** Called once the section shows its first evaluation (or why there is none). */
  onShown: () => void;
}

/** Confusion matrix, per-class metrics and misclassified examples of one split. */
export function EvaluationSection({ token, epoch, classNames, onShown }: Props) {
  const [split, setSplit] = useState<EvalSplit>('validation');
  const [cell, setCell] = useState<[number, number] | null>(null);
  const [shown, setShown] = useState(MISCLASSIFIED_SHOWN);
  const question = useMemo(() => ({ kind: 'evaluate', split }) as const, [split]);
  const { result, error, loading } = useInsight<Evaluation>(
    `evaluate:${split}`,
    question,
    token,
    epoch,
  );
  const pinDefaults = useStudio((s) => s.pinDefaults);
  const evaluation = result?.split === split ? result : null;

  useEffect(() => {
    if (result || error) onShown();
  }, [result, error, onShown]);

  useEffect(() => {
    if (evaluation?.split !== 'validation') return;
    pinDefaults(
      firstOfClasses(evaluation.labels, 4).map((index) => ({ split: 'validation', index })),
    );
  }, [evaluation, pinDefaults]);

  const name = (k: number) => classNames[k] ?? String(k);
  const cellItems: GalleryItem[] =
    evaluation && cell
      ? cellIndices(evaluation.labels, evaluation.predicted, cell[0], cell[1]).map((index) => ({
          index,
          actual: name(cell[0]),
          predicted: name(cell[1]),
        }))
      : [];
  const misclassified: GalleryItem[] = (evaluation?.misclassified ?? [])
    .slice(0, shown)
    .map((m) => ({
      index: m.index,
      actual: name(m.label),
      top: m.top.map((t) => ({ name: name(t.classIndex), p: t.p })),
    }));

  return (
    <section className="insight-section" aria-labelledby="evaluation-heading">
      <div className="section-header">
        <h3 id="evaluation-heading">Evaluation</h3>
        <label>
          Split{' '}
          <select
            value={split}
            data-testid="evaluation-split"
            onChange={(e) => {
              setSplit(e.target.value as EvalSplit);
              setCell(null);
            }}
          >
            <option value="validation">validation</option>
            <option value="test">test</option>
          </select>
        </label>
        {loading && <span className="hint">updating…</span>}
      </div>
      {error && <p className="message error">{error}</p>}
      {evaluation && (
        <>
          <p className="evaluation-totals" data-testid="evaluation-totals">
            Accuracy <strong>{(evaluation.accuracy * 100).toFixed(1)}%</strong>, macro-F1{' '}
            <strong>{(evaluation.macroF1 * 100).toFixed(1)}%</strong> on {evaluation.labels.length}{' '}
            {split} images.
          </p>
          <div className="evaluation-grid">
            <ConfusionMatrix
              confusion={evaluation.confusion}
              classNames={classNames}
              selected={cell}
              onSelect={(a, p) => setCell([a, p])}
            />
            <ClassMetricsTable perClass={evaluation.perClass} classNames={classNames} />
          </div>
          {cell && (
            <>
              <h4 data-testid="cell-gallery-heading">
                {cellItems.length} {split} images of <ClassLabel name={name(cell[0])} /> predicted
                as <ClassLabel name={name(cell[1])} />
              </h4>
              <ExampleGallery
                owner="cell-gallery"
                split={split}
                items={cellItems}
                testId="cell-gallery"
              />
            </>
          )}
          <h4>Misclassified, most confident first ({evaluation.misclassified.length})</h4>
          <ExampleGallery
            owner="misclassified-gallery"
            split={split}
            items={misclassified}
            testId="misclassified-gallery"
          />
          {evaluation.misclassified.length > shown && (
            <button type="button" onClick={() => setShown((n) => n + MISCLASSIFIED_SHOWN)}>
              Show more
            </button>
          )}
        </>
      )}
    </section>
  );
}
