import { describe, expect, it } from 'vitest';
import type { MetricPoint } from '../../shared/protocol';
import { resumePoint } from './resume-point';

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

describe('resumePoint', () => {
  it('goes on after the checkpoint’s epoch, at its step, with the scores of the epochs done', () => {
    const checkpoint = { epoch: 2, validation: { loss: 0.5, accuracy: 0.85 } };
    expect(resumePoint(checkpoint, points, 5, 'pageClosed')).toEqual({
      epoch: 2,
      steps: 20,
      validations: [
        { loss: 0.9, accuracy: 0.7 },
        { loss: 0.5, accuracy: 0.85 },
      ],
      after: 'pageClosed',
    });
  });

  it('is none for a checkpoint of another run: its epoch scored otherwise in this one', () => {
    const checkpoint = { epoch: 2, validation: { loss: 0.5, accuracy: 0.9 } };
    expect(resumePoint(checkpoint, points, 5, 'engineStopped')).toBeNull();
    const later = { epoch: 3, validation: { loss: 0.4, accuracy: 0.9 } };
    expect(resumePoint(later, points, 5, 'engineStopped')).toBeNull();
  });

  it('is none when the checkpoint is the run’s last epoch, or an earlier epoch’s scores are missing', () => {
    const checkpoint = { epoch: 2, validation: { loss: 0.5, accuracy: 0.85 } };
    expect(resumePoint(checkpoint, points, 2, 'engineStopped')).toBeNull();
    expect(resumePoint(checkpoint, points.slice(3), 5, 'engineStopped')).toBeNull();
  });
});
