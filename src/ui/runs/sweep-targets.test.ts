import { describe, expect, it } from 'vitest';
import { starterNetwork } from '../../model/templates';
import { axisValue, sweepTargets } from './sweep-targets';

describe('sweep targets', () => {
  it('offers the training settings, then each numeric setting of each layer', () => {
    const labels = sweepTargets(starterNetwork()).map((option) => option.label);
    expect(labels.slice(0, 3)).toEqual(['Learning rate', 'Batch size', 'Momentum (SGD)']);
    expect(labels).toContain('dense1: Units');
    expect(labels).toContain('dropout: Rate');
    expect(labels.some((label) => label.startsWith('input'))).toBe(false);
  });

  it('spreads learning rates by their exponent and leaves other values as they are', () => {
    expect(axisValue({ kind: 'setting', field: 'learningRate' }, 0.001)).toBeCloseTo(-3, 12);
    expect(axisValue({ kind: 'layer', layerId: 'dense1', field: 'units' }, 64)).toBe(64);
  });
});
