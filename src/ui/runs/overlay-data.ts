import type { RunRecord } from '../../shared/run-record';
import type { ChartData, ChartSeries } from '../train/chart/types';

/** Distinct colours for overlaid runs, in the order they were ticked. */
const PALETTE = ['#2a5bd7', '#e8710a', '#1a8a4a', '#c0392b', '#7b4bc4', '#8c6d1f', '#d63384'];

/** "Run 3", or with its note, "Run 3 (learning rate 0.01)". */
export function runName(run: RunRecord): string {
  return run.note ? `Run ${run.number} (${run.note})` : `Run ${run.number}`;
}

/**
 * Several runs' curves on one chart: validation accuracy by epoch (runs of different lengths
 * and batch sizes line up by epoch), or training loss by step.
 */
export function overlayOf(runs: readonly RunRecord[], measure: 'accuracy' | 'loss'): ChartData {
  const series: ChartSeries[] = runs.map((run, i) => {
    const wanted = measure === 'accuracy' ? 'validation' : 'train';
    const points = run.points
      .filter((point) => point.series === wanted && Number.isFinite(point[measure]))
      .map((point) => ({
        x: measure === 'accuracy' ? point.epoch : point.step,
        y: point[measure],
      }));
    return {
      name: runName(run),
      color: PALETTE[i % PALETTE.length] ?? '#000',
      points,
      dots: measure === 'accuracy',
    };
  });
  return measure === 'accuracy'
    ? { series, xLabel: 'epoch', yLabel: 'validation accuracy', yDomain: [0, 1] }
    : { series, xLabel: 'step', yLabel: 'training loss' };
}
