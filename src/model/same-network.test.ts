import { describe, expect, it } from 'vitest';
import { sameNetwork } from './same-network';
import { starterNetwork } from './templates';

describe('the same network', () => {
  const spec = starterNetwork();

  it('ignores where layers sit on the canvas and what they are called', () => {
    const moved = {
      ...spec,
      nodes: spec.nodes.map((node) => ({ ...node, position: { x: 5, y: 5 }, name: 'renamed' })),
    };
    expect(sameNetwork(spec, moved)).toBe(true);
    expect(sameNetwork(spec, { ...spec, nodes: [...spec.nodes].reverse() })).toBe(true);
  });

  it('ignores the order of a layer’s settings, as a saved project reads them back', () => {
    const reordered = {
      ...spec,
      nodes: spec.nodes.map((node) => ({
        ...node,
        config: Object.fromEntries(Object.entries(node.config).reverse()),
      })),
    } as typeof spec;
    expect(sameNetwork(spec, reordered)).toBe(true);
  });

  it('sees a changed setting, a removed layer and a rewired join', () => {
    const changed = {
      ...spec,
      nodes: spec.nodes.map((node) =>
        node.kind === 'dense' ? { ...node, config: { ...node.config, units: 7 } } : node,
      ),
    };
    expect(sameNetwork(spec, changed)).toBe(false);
    expect(sameNetwork(spec, { ...spec, nodes: spec.nodes.slice(1) })).toBe(false);
    const ported = { ...spec, edges: spec.edges.map((e, i) => (i === 0 ? { ...e, port: 1 } : e)) };
    expect(sameNetwork(spec, ported)).toBe(false);
  });
});
