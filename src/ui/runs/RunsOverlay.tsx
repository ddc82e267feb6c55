import { useMemo } from 'react';
import type { RunRecord } from '../../shared/run-record';
import { LineChart } from '../train/chart/LineChart';
import type { ChartSource } from '../train/chart/types';
import { overlayOf } from './overlay-data';

const staticSource = (read: () => ReturnType<typeof overlayOf>): ChartSource => ({
  subscribe: () => () => {},
  read,
});

/** The ticked runs' curves drawn over each other: validation accuracy and training loss. */
export function RunsOverlay({ runs }: { runs: RunRecord[] }) {
  const accuracy = useMemo(() => staticSource(() => overlayOf(runs, 'accuracy')), [runs]);
  const loss = useMemo(() => staticSource(() => overlayOf(runs, 'loss')), [runs]);
  return (
    <section className="runs-overlay" aria-label="Runs overlaid">
      <h3>Validation accuracy by epoch</h3>
      <LineChart source={accuracy} title="Validation accuracy" testId="overlay-accuracy" />
      <h3>Training loss by step</h3>
      <LineChart source={loss} title="Training loss" testId="overlay-loss" />
    </section>
  );
}
