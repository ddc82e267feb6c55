import { describe, expect, it } from 'vitest';
import { analyse } from '../../model/analyse';
import { applyEdits } from '../../model/edits';
import { starterNetwork } from '../../model/templates';
import { networkAdaptation } from './adapt-network';

const SHAPES = { shape: [32, 32, 3] as [number, number, number], classes: 6 };

describe('fitting the network to a new dataset', () => {
  it('sets the Input shape and the output units in one set of edits', () => {
    const spec = starterNetwork();
    const adaptation = networkAdaptation(spec, SHAPES);
    expect(adaptation?.notice).toBe('Adapted the network to 32×32×3 images and 6 classes.');
    const adapted = applyEdits(spec, adaptation?.edits ?? []);
    expect(analyse(adapted, SHAPES).problems).toEqual([]);
  });

  it('names only what changed', () => {
    const spec = starterNetwork();
    const adaptation = networkAdaptation(spec, { shape: [28, 28, 1], classes: 3 });
    expect(adaptation?.notice).toBe('Adapted the network to 3 classes.');
  });

  it('fits only the images of a webcam dataset that has no classes yet', () => {
    const adaptation = networkAdaptation(starterNetwork(), { shape: [64, 64, 3], classes: 0 });
    expect(adaptation?.notice).toBe('Adapted the network to 64×64×3 images.');
  });

  it('changes nothing when the network already fits', () => {
    expect(networkAdaptation(starterNetwork(), { shape: [28, 28, 1], classes: 10 })).toBeNull();
  });

  it('leaves repairs that add layers to the user', () => {
    const spec = starterNetwork();
    const headless = applyEdits(spec, [
      { type: 'removeNode', id: 'output' },
      { type: 'removeNode', id: 'dropout' },
      { type: 'removeNode', id: 'dense1' },
    ]);
    expect(networkAdaptation(headless, { shape: [28, 28, 1], classes: 4 })).toBeNull();
  });
});
