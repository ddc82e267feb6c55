import { describe, expect, it } from 'vitest';
import type { MetricPoint, RunMark, WorkerEvent } from '../../shared/protocol';
import { continueEvent, planResume, runEpochOf } from './continuation';

const train = (step: number, epoch: number): MetricPoint => ({
  series: 'train',
  step,
  epoch,
  loss: 1 / step,
  accuracy: 0.5,
});
const validation = (epoch: number, loss: number, accuracy: number): MetricPoint => ({
  series: 'validation',
  step: epoch * 10,
  epoch,
  loss,
  accuracy,
});

// Three epochs of 10 steps, a window every 5, and the third epoch half done.
const points = [
  train(5, 1),
  train(10, 1),
  validation(1, 0.9, 0.7),
  train(15, 2),
  train(20, 2),
  validation(2, 0.5, 0.85),
  train(25, 3),
];
const marks: RunMark[] = [
  { kind: 'learningRate', step: 0, epoch: 1, label: 'learning rate 0.01' },
  { kind: 'learningRate', step: 20, epoch: 3, label: 'learning rate 0.001' },
];

describe('runEpochOf', () => {
  it('finds the epoch whose validation scores the checkpoint holds', () => {
    const checkpoint = { epoch: 1, validation: { loss: 0.5, accuracy: 0.85 } };
    // Written by a resumed run's worker, which counted that epoch as its first.
    expect(runEpochOf(checkpoint, points)).toBe(2);
  });

  it('is none for a checkpoint of another run', () => {
    const checkpoint = { epoch: 2, validation: { loss: 0.5, accuracy: 0.9 } };
    expect(runEpochOf(checkpoint, points)).toBeNull();
  });
});

describe('planResume', () => {
  it('keeps the run up to the checkpoint and trains the epochs left', () => {
    const plan = planResume(points, marks, 2, 10, 5);
    expect(plan?.points).toEqual(points.slice(0, 6));
    expect(plan?.marks).toEqual([marks[0]]);
    expect(plan?.continuation).toEqual({ epochs: 2, steps: 20 });
    expect(plan?.epochs).toBe(3);
  });

  it('has nothing to resume without a finished epoch or with none left', () => {
    expect(planResume(points, marks, 0, 10, 5)).toBeNull();
    expect(planResume(points, marks, 5, 10, 5)).toBeNull();
  });
});

describe('continueEvent', () => {
  const c = { epochs: 2, steps: 20 };

  it('numbers metrics, progress and epoch ends as part of the whole run', () => {
    const metrics = continueEvent({ type: 'metrics', points: [train(5, 1)] }, c);
    expect(metrics).toEqual({ type: 'metrics', points: [{ ...train(5, 1), step: 25, epoch: 3 }] });
    const progress = continueEvent(
      {
        type: 'progress',
        progress: {
          epoch: 1,
          epochs: 3,
          batch: 4,
          batchesPerEpoch: 10,
          step: 4,
          examplesPerSec: 9,
        },
      },
      c,
    );
    expect(progress).toMatchObject({ progress: { epoch: 3, epochs: 5, batch: 4, step: 24 } });
    const end = continueEvent(
      {
        type: 'epochEnd',
        summary: { epoch: 1, validation: { loss: 1, accuracy: 0 }, numTensors: 3 },
      },
      c,
    );
    expect(end).toMatchObject({ summary: { epoch: 3 } });
  });

  it('renumbers the epochs marks and the run end name', () => {
    const mark = continueEvent(
      { type: 'mark', mark: { kind: 'best', step: 10, epoch: 1, label: 'best epoch 1' } },
      c,
    );
    expect(mark).toEqual({
      type: 'mark',
      mark: { kind: 'best', step: 30, epoch: 3, label: 'best epoch 3' },
    });
    const runEnd: WorkerEvent = {
      type: 'runEnd',
      outcome: 'completed',
      message:
        'Stopped early after epoch 2: no improvement. The model now has the weights of its best epoch, 1.',
      best: { epoch: 1, validation: { loss: 1, accuracy: 0.5 } },
      earlyStop: { stoppedAfter: 2, bestEpoch: 1, reason: 'no improvement', restored: true },
    };
    expect(continueEvent(runEnd, c)).toEqual({
      ...runEnd,
      message:
        'Resumed from the checkpoint of epoch 2. Stopped early after epoch 4: no improvement. The model now has the weights of its best epoch, 3.',
      best: { epoch: 3, validation: { loss: 1, accuracy: 0.5 } },
      earlyStop: { stoppedAfter: 4, bestEpoch: 3, reason: 'no improvement', restored: true },
    });
  });

  it('leaves other events alone', () => {
    const event: WorkerEvent = { type: 'runState', state: 'training' };
    expect(continueEvent(event, c)).toBe(event);
  });
});
