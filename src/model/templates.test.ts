import { describe, expect, it } from 'vitest';
import { analyse } from './analyse';
import { starterNetwork } from './templates';

describe('starterNetwork', () => {
  it('is a valid network for MNIST', () => {
    expect(analyse(starterNetwork(), { shape: [28, 28, 1], classes: 10 }).problems).toEqual([]);
  });

  it('has stable ids, names and a top-to-bottom layout', () => {
    const { nodes } = starterNetwork();
    const ids = [
      'input',
      'conv1',
      'pool1',
      'conv2',
      'pool2',
      'flatten',
      'dense1',
      'dropout',
      'output',
    ];
    expect(nodes.map((node) => node.id)).toEqual(ids);
    expect(nodes.map((node) => node.name)).toEqual(ids);
    const ys = nodes.map((node) => node.position?.y ?? NaN);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(new Set(ys).size).toBe(ys.length);
  });

  it('returns a fresh spec each time, so editing one never changes the next', () => {
    const first = starterNetwork();
    first.nodes.pop();
    expect(starterNetwork().nodes).toHaveLength(9);
  });
});
