import { useMemo } from 'react';
import { useStudio } from '../store/studio-store';
import { LineChart } from '../train/chart/LineChart';
import { sweepChart, sweepRuns } from './sweep-results';

/** The latest sweep's test accuracy against the swept value and against parameter count. */
export function SweepResults({ id }: { id: string }) {
  const allRuns = useStudio((s) => s.runs);
  const runs = useMemo(() => sweepRuns(allRuns, id), [allRuns, id]);
  const byValue = useMemo(() => {
    const data = sweepChart(runs, 'value');
    return { subscribe: () => () => {}, read: () => data };
  }, [runs]);
  const byParams = useMemo(() => {
    const data = sweepChart(runs, 'params');
    return { subscribe: () => () => {}, read: () => data };
  }, [runs]);
  if (runs.length === 0) return null;
  return (
    <section className="sweep-results" aria-label="Sweep results">
      <h3>Test accuracy by {byValue.read().xLabel}</h3>
      <LineChart source={byValue} title="Accuracy by value" testId="sweep-by-value" />
      <h3>Test accuracy by parameter count</h3>
      <LineChart source={byParams} title="Accuracy by parameters" testId="sweep-by-params" small />
    </section>
  );
}
