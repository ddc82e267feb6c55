import { useSyncExternalStore } from 'react';
import { LineChart } from './chart/LineChart';
import type { ChartSource } from './chart/types';
import type { Measure } from './curve-data';
import { chartOf } from './curve-data';
import { metricsBuffer } from './metrics-buffer';

const subscribe = (listener: () => void) => metricsBuffer.subscribe(listener);

const sourceOf = (measure: Measure): ChartSource => ({
  subscribe,
  read: () =>
    chartOf(metricsBuffer.all(), metricsBuffer.previousRun(), measure, metricsBuffer.marks()),
});

const LOSS = sourceOf('loss');
const ACCURACY = sourceOf('accuracy');
const LEARNING_RATE = sourceOf('learningRate');

const isEmpty = () => metricsBuffer.all().length === 0;

/**
 * Live loss, accuracy and learning-rate curves: train and validation, with the previous
 * run's curves in paler colours for comparison.
 */
export function Curves() {
  const empty = useSyncExternalStore(subscribe, isEmpty);
  return (
    <div className="curves">
      {empty && <p className="curves-empty">Press Train to see the loss and accuracy curves.</p>}
      <h3>Loss</h3>
      <LineChart source={LOSS} title="Loss" testId="loss-curve" />
      <h3>Accuracy</h3>
      <LineChart source={ACCURACY} title="Accuracy" testId="accuracy-curve" />
      <h3>Learning rate</h3>
      <LineChart source={LEARNING_RATE} title="Learning rate" testId="learning-rate-curve" small />
    </div>
  );
}
