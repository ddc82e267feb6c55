import { describe, expect, it } from 'vitest';
import { foldAccuracy } from './cross-validation';

const validations = [
  { loss: 1.2, accuracy: 0.5 },
  { loss: 0.8, accuracy: 0.7 },
  { loss: 0.9, accuracy: 0.65 },
];

describe('a fold’s score', () => {
  it('is its last epoch’s validation accuracy', () => {
    expect(foldAccuracy(validations)).toBe(0.65);
  });

  it('is its best epoch’s when early stopping gave those weights back, else still its last', () => {
    const earlyStop = { stoppedAfter: 3, bestEpoch: 2, reason: 'no better', restored: true };
    expect(foldAccuracy(validations, earlyStop)).toBe(0.7);
    expect(foldAccuracy(validations, { ...earlyStop, restored: false })).toBe(0.65);
  });

  it('is refused, in words, for a fold with no validation score', () => {
    expect(() => foldAccuracy([])).toThrow('The fold has no validation score for epoch 0.');
  });
});
