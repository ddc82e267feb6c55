import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../model/edits';
import { chain, layer } from '../../model/spec-builder';
import type { ModelSpec } from '../../shared/model-spec';
import { autoLayoutEdits } from './layout';

const scattered = (): ModelSpec => {
  const spec = chain([
    layer('input', 'in', { shape: [28, 28, 1] }),
    layer('conv2d', 'a'),
    layer('conv2d', 'b'),
    layer('add', 'sum'),
  ]);
  spec.edges.push({ from: 'a', to: 'sum', port: 1 });
  spec.nodes.forEach((node, i) => (node.position = { x: (i * 137) % 300, y: 500 - i * 90 }));
  return spec;
};

describe('autoLayoutEdits', () => {
  it('puts every layer below the layers feeding it', () => {
    const spec = applyEdits(scattered(), autoLayoutEdits(scattered()));
    const y = (id: string) => spec.nodes.find((n) => n.id === id)!.position!.y;
    for (const edge of spec.edges) expect(y(edge.to)).toBeGreaterThan(y(edge.from));
  });

  it('makes no edit when the graph is already laid out', () => {
    const spec = applyEdits(scattered(), autoLayoutEdits(scattered()));
    expect(autoLayoutEdits(spec)).toEqual([]);
  });
});
