import { describe, expect, it } from 'vitest';
import { topologicalSort } from './topo-sort';

const wire = (from: string, to: string) => ({ from, to });

describe('topologicalSort', () => {
  it('orders a chain from its start, whatever order the ids come in', () => {
    const result = topologicalSort(['c', 'a', 'b'], [wire('a', 'b'), wire('b', 'c')]);
    expect(result).toEqual({ order: ['a', 'b', 'c'], cyclic: [] });
  });

  it('puts a merge after both of its branches', () => {
    const edges = [
      wire('in', 'left'),
      wire('in', 'right'),
      wire('left', 'add'),
      wire('right', 'add'),
    ];
    const { order } = topologicalSort(['add', 'right', 'left', 'in'], edges);
    expect(order[0]).toBe('in');
    expect(order.at(-1)).toBe('add');
    expect(order).toHaveLength(4);
  });

  it('keeps the given order between independent nodes', () => {
    expect(topologicalSort(['x', 'y', 'z'], []).order).toEqual(['x', 'y', 'z']);
  });

  it('blames only the nodes on a loop, not those before or after it', () => {
    const edges = [wire('in', 'a'), wire('a', 'b'), wire('b', 'a'), wire('b', 'out')];
    const result = topologicalSort(['in', 'a', 'b', 'out'], edges);
    expect(result.order).toEqual(['in']);
    expect(result.cyclic).toEqual(['a', 'b']);
  });

  it('treats a wire from a node to itself as a loop', () => {
    expect(topologicalSort(['a'], [wire('a', 'a')]).cyclic).toEqual(['a']);
  });

  it('ignores wires to unknown nodes', () => {
    expect(topologicalSort(['a'], [wire('a', 'ghost')]).order).toEqual(['a']);
  });
});
