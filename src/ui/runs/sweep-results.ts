import type { RunRecord } from '../../shared/run-record';
import type { SweepTarget } from '../../shared/sweep';
import { targetName } from '../../shared/sweep';
import type { ChartData, ChartSeries } from '../train/chart/types';
import { axisValue } from './sweep-targets';

const COLORS = ['#2a5bd7', '#e8710a', '#1a8a4a', '#c0392b', '#7b4bc4', '#8c6d1f'];

/** The finished runs of one sweep with a test score, in the order they ran. */
export function sweepRuns(runs: readonly RunRecord[], id: string): RunRecord[] {
  return runs.filter((run) => run.sweep?.id === id && run.test !== undefined);
}

/**
 * Test accuracy against the first swept value (one line per value of a second one, if any),
 * or against each run's parameter count.
 */
export function sweepChart(runs: readonly RunRecord[], by: 'value' | 'params'): ChartData {
  const first = runs[0]?.sweep?.values[0]?.target;
  const groups = new Map<string, { x: number; y: number }[]>();
  for (const run of runs) {
    const [main, other] = run.sweep?.values ?? [];
    if (!main || !run.test) continue;
    const name = other ? `${targetName(other.target)} ${other.value}` : 'test accuracy';
    const x = by === 'params' ? run.params : axisValue(main.target, main.value);
    groups.set(name, [...(groups.get(name) ?? []), { x, y: run.test.accuracy }]);
  }
  const series: ChartSeries[] = [...groups].map(([name, points], i) => ({
    name,
    color: COLORS[i % COLORS.length] ?? '#000',
    points: points.sort((a, b) => a.x - b.x),
    dots: true,
  }));
  return { series, xLabel: xLabelOf(first, by), yLabel: 'test accuracy', yDomain: [0, 1] };
}

function xLabelOf(target: SweepTarget | undefined, by: 'value' | 'params'): string {
  if (by === 'params' || !target) return 'parameters';
  const name = targetName(target);
  return target.kind === 'setting' && target.field === 'learningRate' ? `log10 ${name}` : name;
}
